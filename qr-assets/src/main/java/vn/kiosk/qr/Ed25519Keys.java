package vn.kiosk.qr;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 key handling with the JDK provider: generation, storage text and the raw 32 bytes WebCrypto imports. */
public final class Ed25519Keys {
    static final String ALGORITHM = "Ed25519";
    private static final int RAW_LENGTH = 32;
    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112); the raw key follows it. */
    private static final byte[] X509_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 missing from the JDK", e);
        }
    }

    public static byte[] rawPublic(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != X509_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static PublicKey publicFromRaw(byte[] raw) {
        if (raw == null || raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has " + RAW_LENGTH + " bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_LENGTH);
        return publicFromDer(encoded);
    }

    /** Base64 (standard alphabet) of the PKCS#8 encoding. */
    public static String encodePrivate(PrivateKey key) {
        requireEd25519(key.getAlgorithm());
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey decodePrivate(String base64Pkcs8) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64Pkcs8.strip());
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            requireEd25519(key.getAlgorithm());
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key");
        }
    }

    /** Base64 (standard alphabet) of the X.509 SubjectPublicKeyInfo encoding. */
    public static String encodePublic(PublicKey key) {
        requireEd25519(key.getAlgorithm());
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublic(String base64X509) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64X509.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key");
        }
        return publicFromDer(der);
    }

    private static PublicKey publicFromDer(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            requireEd25519(key.getAlgorithm());
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 Ed25519 public key");
        }
    }

    private static void requireEd25519(String algorithm) {
        if (!ALGORITHM.equals(algorithm) && !"EdDSA".equals(algorithm)) {
            throw new IllegalArgumentException("not an Ed25519 key: " + algorithm);
        }
    }
}
