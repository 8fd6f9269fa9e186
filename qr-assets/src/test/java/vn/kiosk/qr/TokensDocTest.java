package vn.kiosk.qr;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokensDocTest {
    @Test
    @DisplayName("TOKENS.md publishes the test vectors this code produces")
    void documentedVectorsMatchTheCode() throws IOException {
        String doc = Files.readString(Path.of("TOKENS.md"), StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_627_804_800L);
        assertThat(doc).contains(
                SiteToken.forKiosk(42, "kiosk-secret-for-docs-0001".getBytes(US_ASCII), now),
                SiteToken.forPoster(7, 3, "poster-key-for-docs-0001".getBytes(US_ASCII)),
                TokenVectors.PASS,
                VisitorPassTest.RFC_SEED, VisitorPassTest.RFC_PUBLIC,
                Confirmation.issue(new ConfirmationClaims("visit-8f3a", 17, true, "A1B2C3", 1_627_805_100L),
                        "confirmation-key-for-tests-01".getBytes(US_ASCII)));
    }
}
