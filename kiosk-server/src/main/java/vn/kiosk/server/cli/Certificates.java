package vn.kiosk.server.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.kiosk.server.http.TrustedProxies;

/**
 * A certificate authority of the office's own, for a LAN with no domain name:
 * its certificate is installed once on every tablet, and it signs the
 * server's certificate for the server's LAN addresses. Re-running for a new
 * address keeps the authority, so tablets need not be touched again.
 */
public final class Certificates {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Apple's limit for certificates of any authority; Android and Chrome accept it too. */
    static final Duration SERVER_VALIDITY = Duration.ofDays(825);
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9*]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #make} wrote. */
    public record Issued(Path caCert, Path caKey, Path cert, Path key, boolean newAuthority, X509Certificate server,
                         String caFingerprint) {
    }

    private Certificates() {
    }

    /** Creates (or reuses) {@code <tlsDir>/ca.*} and issues {@code server.crt}/{@code server.key} for {@code names}. */
    public static Issued make(Path tlsDir, List<String> names) throws IOException, GeneralSecurityException {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Give the server's LAN addresses or host names, e.g. make-certs 192.168.1.10 kiosk.local");
        }
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            sans.add(subjectAltName(name));
        }
        Files.createDirectories(tlsDir);
        ownerOnly(tlsDir, "rwx------");
        Path caCert = tlsDir.resolve("ca.crt");
        Path caKeyFile = tlsDir.resolve("ca.key");
        boolean newAuthority = !Files.exists(caCert) || !Files.exists(caKeyFile);
        X509Certificate ca;
        PrivateKey caKey;
        if (newAuthority) {
            KeyPair pair = rsa();
            ca = authority(pair);
            caKey = pair.getPrivate();
            write(caKeyFile, pem("PRIVATE KEY", caKey.getEncoded()), true);
            write(caCert, pem("CERTIFICATE", ca.getEncoded()), false);
        } else {
            ca = readCertificates(caCert).get(0);
            caKey = readPrivateKey(caKeyFile);
        }
        KeyPair server = rsa();
        X509Certificate cert = issue(ca, caKey, server.getPublic(), names.get(0), sans);
        Path certFile = tlsDir.resolve("server.crt");
        Path keyFile = tlsDir.resolve("server.key");
        write(keyFile, pem("PRIVATE KEY", server.getPrivate().getEncoded()), true);
        write(certFile, pem("CERTIFICATE", cert.getEncoded()), false);
        return new Issued(caCert, caKeyFile, certFile, keyFile, newAuthority, cert, fingerprint(ca));
    }

    static GeneralName subjectAltName(String name) {
        String n = name.trim();
        if (looksLikeIp(n)) {
            byte[] address = TrustedProxies.literal(n);
            if (address == null) {
                throw new IllegalArgumentException("'" + name + "' is not a valid IP address");
            }
            try {
                return new GeneralName(GeneralName.iPAddress, InetAddress.getByAddress(address).getHostAddress());
            } catch (IOException e) {
                throw new IllegalArgumentException("'" + name + "' is not a valid IP address");
            }
        }
        if (!HOSTNAME.matcher(n).matches()) {
            throw new IllegalArgumentException("'" + name + "' is neither an IP address nor a host name");
        }
        return new GeneralName(GeneralName.dNSName, n);
    }

    static boolean looksLikeIp(String s) {
        return s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        // RSA rather than EC: the oldest Android tablets in a district office still take it.
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate authority(KeyPair pair) throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=Kiosk local authority " + HexFormat.of().formatHex(randomBytes(4)) + ",O=Kiosk");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(b, pair.getPrivate());
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate issue(X509Certificate ca, PrivateKey caKey, PublicKey key, String cn, List<GeneralName> sans)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        Instant until = now.plus(SERVER_VALIDITY);
        if (until.isAfter(ca.getNotAfter().toInstant())) {
            until = ca.getNotAfter().toInstant();
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(until), new X500Name("CN=" + cn.replace(",", "")), key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            return sign(b, caKey);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(1, randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public static String fingerprint(X509Certificate cert) throws GeneralSecurityException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    }

    // ---- PEM reading and checking, shared with check-config ----

    /** Every certificate of a PEM file, leaf first; fails with a readable message. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(file + " holds no PEM certificate");
            }
            return out;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + " is not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    /** A PEM private key: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) {
                return converter.getPrivateKey(kp.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o == null) {
                throw new IOException(file + " holds no PEM private key");
            }
            throw new IOException(file + " holds a " + o.getClass().getSimpleName().replace("PKCS8Encrypted", "encrypted ")
                    + ", not an unencrypted private key (decrypt it: openssl pkey -in key.pem -out plain.pem)");
        } catch (java.io.UncheckedIOException | IllegalArgumentException | org.bouncycastle.openssl.PEMException e) {
            throw new IOException(file + " is not a readable PEM private key (" + e.getMessage() + ")");
        }
    }

    /** True when {@code key} is the private half of {@code cert}'s public key. */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return true; // nothing to test it with here; the TLS handshake will tell
        }
        try {
            byte[] probe = randomBytes(32);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter w = new StringWriter();
        w.write("-----BEGIN " + type + "-----\n");
        w.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der));
        w.write("\n-----END " + type + "-----\n");
        return w.toString();
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        ownerOnly(tmp, secret ? "rw-------" : "rw-r--r--");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void ownerOnly(Path p, String perms) throws IOException {
        // Only POSIX file systems have owner-only modes; elsewhere the folder's own ACLs apply.
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }
}
