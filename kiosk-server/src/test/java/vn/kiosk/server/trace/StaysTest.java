package vn.kiosk.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StaysTest {
    static final Instant T = Instant.parse("2021-08-01T01:00:00Z");
    static final Instant NOW = T.plusSeconds(36_000);

    static Stays.Stay stay(long person, long site, int fromMin, Integer toMin) {
        return new Stays.Stay(person, site, T.plusSeconds(60L * fromMin), toMin == null ? null : T.plusSeconds(60L * toMin));
    }

    @Test
    @DisplayName("Stays that only touch share nothing; a shared half hour is 30 minutes")
    void touching() {
        List<Stays.Span> spans = Stays.spans(List.of(stay(1, 7, 60, 120)), Duration.ZERO, Duration.ZERO, NOW);
        assertThat(Stays.sharedMicros(stay(2, 7, 0, 60), spans, NOW)).isZero();
        assertThat(Stays.sharedMicros(stay(2, 7, 120, 180), spans, NOW)).isZero();
        assertThat(Stays.sharedMicros(stay(2, 7, 90, 180), spans, NOW)).isEqualTo(30L * 60 * 1_000_000);
        assertThat(Stays.sharedMicros(stay(2, 8, 90, 180), spans, NOW)).as("another site").isZero();
    }

    @Test
    @DisplayName("Buffers widen the stay; overlapping stays of one person merge and are not counted twice")
    void buffersAndMerging() {
        List<Stays.Span> spans = Stays.spans(List.of(stay(1, 7, 60, 120), stay(1, 7, 100, 150)),
                Duration.ofMinutes(10), Duration.ofMinutes(5), NOW);
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).from()).isEqualTo(T.plusSeconds(50 * 60));
        assertThat(spans.get(0).to()).isEqualTo(T.plusSeconds(155 * 60));
        assertThat(Stays.sharedMicros(stay(2, 7, 0, 600), spans, NOW)).isEqualTo(105L * 60 * 1_000_000);
    }

    @Test
    @DisplayName("An open stay lasts until now")
    void open() {
        List<Stays.Span> spans = Stays.spans(List.of(stay(1, 7, 0, null)), Duration.ZERO, Duration.ZERO, NOW);
        assertThat(spans.get(0).to()).isEqualTo(NOW);
        assertThat(Stays.sharedMicros(stay(2, 7, 590, null), spans, NOW)).isEqualTo(10L * 60 * 1_000_000);
    }
}
