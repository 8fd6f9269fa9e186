package vn.kiosk.server.visitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Phone and ID numbers at rest: AES-256-GCM (random 96-bit nonce, prepended)
 * for the value, HMAC-SHA256 with a separate key for the lookup hash, so a
 * number can be found without being stored in the clear.
 */
public final class PersonalData {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte VERSION = 1;

    private final SecretKeySpec dataKey;
    private final SecretKeySpec previousDataKey;
    private final SecretKeySpec lookupKey;

    public PersonalData(byte[] dataKey, byte[] lookupKey) {
        this(dataKey, null, lookupKey);
    }

    /** With the data key in force before a rotation: values sealed with it stay readable until re-encrypted. */
    public PersonalData(byte[] dataKey, byte[] previousDataKey, byte[] lookupKey) {
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        this.previousDataKey = previousDataKey == null ? null : new SecretKeySpec(previousDataKey, "AES");
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    public boolean rotating() {
        return previousDataKey != null;
    }

    public byte[] hash(String kind, String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Identifies the keys without revealing them: a MAC of a constant under each. */
    public java.util.Map<String, byte[]> fingerprints() {
        return java.util.Map.of("data", fingerprint(dataKey), "lookup", hash("fingerprint", "kiosk key fingerprint"));
    }

    private static byte[] fingerprint(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal("kiosk key fingerprint".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(byte[] box) {
        if (box == null) {
            return null;
        }
        if (box.length < 1 + 12 + 16 || box[0] != VERSION) {
            throw new IllegalArgumentException("not an encrypted value of this server");
        }
        try {
            return open(box, dataKey);
        } catch (GeneralSecurityException e) {
            if (previousDataKey != null) {
                try {
                    return open(box, previousDataKey);
                } catch (GeneralSecurityException again) {
                    // neither key: reported below
                }
            }
            throw new IllegalStateException("cannot decrypt a stored value (wrong data key?)");
        }
    }

    /** True when the value is sealed with the current key (nothing to re-encrypt). */
    public boolean current(byte[] box) {
        try {
            return box == null || open(box, dataKey) != null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The fingerprint the data key had before the rotation, or null. */
    public byte[] previousFingerprint() {
        return previousDataKey == null ? null : fingerprint(previousDataKey);
    }

    private static String open(byte[] box, SecretKeySpec key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, box, 1, 12));
        return new String(cipher.doFinal(box, 13, box.length - 13), StandardCharsets.UTF_8);
    }
}
