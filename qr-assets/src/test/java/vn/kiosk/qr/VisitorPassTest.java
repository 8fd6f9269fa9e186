package vn.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.text.Normalizer;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VisitorPassTest {
    /** RFC 8032 section 7.1, test 1: the seed and public key every Ed25519 implementation agrees on. */
    static final String RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String RFC_PRIVATE_PKCS8 = java.util.Base64.getEncoder().encodeToString(
            HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC_SEED));

    static final KeyPair KEYS = Ed25519Keys.generate();

    @Test
    @DisplayName("a pass round-trips and its format is v1.<id>.<issuedAt>.<b64 name>.<b64 signature>")
    void roundTrip() throws TokenException {
        PassClaims claims = new PassClaims(123, "Nguyễn Thị Minh Khai", 1_627_804_800L);
        String pass = VisitorPass.issue(claims, KEYS.getPrivate());
        assertThat(pass).matches("v1\\.123\\.1627804800\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}");
        assertThat(VisitorPass.verify(pass, KEYS.getPublic())).isEqualTo(claims);
    }

    @Test
    @DisplayName("the RFC 8032 key gives the documented public key and pass (TOKENS.md test vector)")
    void knownAnswer() throws TokenException {
        PrivateKey privateKey = Ed25519Keys.decodePrivate(RFC_PRIVATE_PKCS8);
        PublicKey publicKey = Ed25519Keys.publicFromRaw(HexFormat.of().parseHex(RFC_PUBLIC));
        String pass = VisitorPass.issue(new PassClaims(42, "Nguyễn Văn An", 1_627_804_800L), privateKey);
        assertThat(pass).isEqualTo(TokenVectors.PASS);
        assertThat(VisitorPass.verify(pass, publicKey).displayName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    @DisplayName("names are stored NFC and trimmed, so an NFD name verifies as NFC")
    void nameNormalised() throws TokenException {
        String nfd = Normalizer.normalize("  Trần Thị Ánh Tuyết ", Normalizer.Form.NFD);
        String pass = VisitorPass.issue(new PassClaims(1, nfd, 10), KEYS.getPrivate());
        String name = VisitorPass.verify(pass, KEYS.getPublic()).displayName();
        assertThat(name).isEqualTo("Trần Thị Ánh Tuyết");
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    @DisplayName("empty, over-long and control-character names are refused at issue")
    void badNamesRefused() {
        assertThatThrownBy(() -> new PassClaims(1, " ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassClaims(1, "a".repeat(101), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassClaims(1, "An\u0000", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PassClaims(1, "ệ".repeat(100), 1).displayName()).hasSize(100);
    }

    @Test
    @DisplayName("a pass signed by another key is refused")
    void otherKeyRefused() {
        String pass = VisitorPass.issue(new PassClaims(5, "Lê Văn Tám", 99), Ed25519Keys.generate().getPrivate());
        assertThatThrownBy(() -> VisitorPass.verify(pass, KEYS.getPublic()))
                .isInstanceOf(TokenException.class).hasMessage("pass signature is invalid");
    }

    @Test
    @DisplayName("a longest name (100 three-byte characters) still verifies")
    void longestNameFits() throws TokenException {
        PassClaims claims = new PassClaims(Long.parseLong("999999999999999999"), "ữ".repeat(100), 999_999_999_999L);
        assertThat(VisitorPass.verify(VisitorPass.issue(claims, KEYS.getPrivate()), KEYS.getPublic()))
                .isEqualTo(claims);
    }

    @Test
    @DisplayName("keys survive their storage encodings and the raw public key has 32 bytes")
    void keyEncodings() {
        PrivateKey privateKey = Ed25519Keys.decodePrivate(Ed25519Keys.encodePrivate(KEYS.getPrivate()));
        PublicKey publicKey = Ed25519Keys.decodePublic(Ed25519Keys.encodePublic(KEYS.getPublic()));
        assertThat(publicKey.getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        assertThat(privateKey.getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
        byte[] raw = Ed25519Keys.rawPublic(KEYS.getPublic());
        assertThat(raw).hasSize(32);
        assertThat(Ed25519Keys.publicFromRaw(raw).getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        assertThatThrownBy(() -> Ed25519Keys.decodePrivate("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519Keys.publicFromRaw(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("structure errors are refused before any signature work")
    void malformedRefused() {
        for (String bad : new String[] {"", "v1", "v1.1.2.QW4.", "v2.1.2.QW4." + "A".repeat(86),
            "v1.01.2.QW4." + "A".repeat(86), "v1.1.2..AAAA" + "A".repeat(82), "v1.1.2.QW4.A" + "A".repeat(86)}) {
            assertThatThrownBy(() -> VisitorPass.verify(bad, KEYS.getPublic())).isInstanceOf(TokenException.class);
        }
    }
}
