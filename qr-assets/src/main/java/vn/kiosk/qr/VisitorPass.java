package vn.kiosk.qr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A visitor's personal QR: {@code v1.<visitorId>.<issuedAt>.<b64url(name)>.<b64url(Ed25519 signature)>}.
 * Signed with a private key on the server so an offline kiosk holding only the public key can verify it.
 */
public final class VisitorPass {
    static final String PREFIX = "v1";
    private static final int SIGNATURE_CHARS = 86;
    /** A UTF-16 char takes at most 3 UTF-8 bytes; base64 turns 3 bytes into 4 characters. */
    private static final int MAX_NAME_CHARS = PassClaims.MAX_NAME_LENGTH * 4;
    static final int MAX_LENGTH = 2 + 1 + 18 + 1 + 18 + 1 + MAX_NAME_CHARS + 1 + SIGNATURE_CHARS;

    private VisitorPass() {
    }

    public static String issue(PassClaims claims, PrivateKey key) {
        String signed = PREFIX + "." + claims.visitorId() + "." + claims.issuedAtEpochSeconds() + "."
                + TokenText.base64Url(claims.displayName().getBytes(StandardCharsets.UTF_8));
        byte[] message = signed.getBytes(StandardCharsets.US_ASCII);
        byte[] seed = key instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed != null && seed.length == Ed25519.SECRET_KEY_SIZE) {
            // Bouncy Castle's Ed25519 signs about 7 times faster than the JDK 17 provider (a pass is signed on
            // every first check-in); Ed25519 is deterministic, so the bytes are the same.
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, publicKeyOf(seed), 0, message, 0, message.length, signature, 0);
            return signed + "." + TokenText.base64Url(signature);
        }
        try {
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signed + "." + TokenText.base64Url(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key (an Ed25519 private key is needed)", e);
        }
    }

    /** The public half of the last signing key, so that signing does not derive it every time. */
    private static volatile byte[][] lastKey = new byte[2][];

    private static byte[] publicKeyOf(byte[] seed) {
        byte[][] last = lastKey;
        if (last[0] != null && java.security.MessageDigest.isEqual(last[0], seed)) {
            return last[1];
        }
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        lastKey = new byte[][] {seed.clone(), pk};
        return pk;
    }

    public static PassClaims verify(String pass, PublicKey key) throws TokenException {
        String[] parts = TokenText.fields(pass, 5, MAX_LENGTH, "pass");
        if (!PREFIX.equals(parts[0])) {
            throw new TokenException("pass has an unknown prefix");
        }
        long visitorId = TokenText.number(parts[1], "pass visitor id");
        long issuedAt = TokenText.number(parts[2], "pass issue time");
        if (parts[3].isEmpty()) {
            throw new TokenException("pass name is empty");
        }
        String name = utf8(TokenText.decodeBase64Url(parts[3], "pass name"));
        if (parts[4].length() != SIGNATURE_CHARS) {
            throw new TokenException("pass signature must be " + SIGNATURE_CHARS + " characters");
        }
        byte[] signature = TokenText.decodeBase64Url(parts[4], "pass signature");
        String signed = pass.substring(0, pass.lastIndexOf('.'));
        if (!signatureMatches(signed, signature, key)) {
            throw new TokenException("pass signature is invalid");
        }
        PassClaims claims;
        try {
            claims = new PassClaims(visitorId, name, issuedAt);
        } catch (IllegalArgumentException e) {
            throw new TokenException("pass name is invalid");
        }
        if (!claims.displayName().equals(name)) {
            throw new TokenException("pass name is not in normal form");
        }
        return claims;
    }

    private static boolean signatureMatches(String signed, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalArgumentException("an Ed25519 public key is needed", e);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) throws TokenException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TokenException("pass name is not UTF-8");
        }
    }
}
