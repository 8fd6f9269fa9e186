package vn.kiosk.server.visitor;

import java.io.IOException;
import java.security.KeyPair;
import vn.kiosk.qr.Ed25519Keys;

/** The secrets the check-in path signs and seals with, loaded once at start. */
public record ServerKeys(PersonalData personal, byte[] confirmation, byte[] poster, byte[] session, KeyPair pass) {

    public static ServerKeys load(Keys keys) throws IOException {
        String privateKey = keys.text("pass-ed25519.key", () -> {
            KeyPair kp = Ed25519Keys.generate();
            return Ed25519Keys.encodePrivate(kp.getPrivate()) + " " + Ed25519Keys.encodePublic(kp.getPublic());
        });
        String[] parts = privateKey.split("\\s+");
        KeyPair pass = new KeyPair(Ed25519Keys.decodePublic(parts[1]), Ed25519Keys.decodePrivate(parts[0]));
        return new ServerKeys(new PersonalData(keys.secret(Keys.DATA), keys.previousData(), keys.secret(Keys.LOOKUP)),
                keys.secret(Keys.CONFIRMATION), keys.secret(Keys.POSTER), keys.secret(Keys.SESSION), pass);
    }
}
