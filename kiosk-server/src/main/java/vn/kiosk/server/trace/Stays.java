package vn.kiosk.server.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overlap maths of a trace, free of the database. A stay is the half-open
 * time [in, out) someone spent at a site; an open stay lasts until now. Stays
 * that only touch (one leaves the instant the other arrives) share nothing.
 */
public final class Stays {
    private Stays() {
    }

    /** A stay of {@code person} at {@code site}; {@code out} is null while they are inside. */
    public record Stay(long person, long site, Instant in, Instant out) {
        public Instant end(Instant now) {
            return out != null ? out : (now.isAfter(in) ? now : in);
        }
    }

    /** A span of time at a site, attributed to the person whose stay it was. */
    public record Span(long person, long site, Instant from, Instant to) {
    }

    /**
     * The stays of the people being traced, widened by the buffers (arriving
     * earlier, leaving later) and merged per person and site, so that a stay
     * sharing time with two overlapping spans of one person is not counted
     * twice.
     */
    public static List<Span> spans(List<Stay> stays, Duration arrivalBuffer, Duration departureBuffer, Instant now) {
        List<Span> widened = new ArrayList<>();
        for (Stay s : stays) {
            widened.add(new Span(s.person(), s.site(), s.in().minus(arrivalBuffer), s.end(now).plus(departureBuffer)));
        }
        widened.sort(Comparator.comparingLong(Span::person).thenComparingLong(Span::site).thenComparing(Span::from));
        List<Span> merged = new ArrayList<>();
        Span cur = null;
        for (Span s : widened) {
            if (cur != null && cur.person() == s.person() && cur.site() == s.site() && !s.from().isAfter(cur.to())) {
                cur = new Span(cur.person(), cur.site(), cur.from(), s.to().isAfter(cur.to()) ? s.to() : cur.to());
            } else {
                if (cur != null) {
                    merged.add(cur);
                }
                cur = s;
            }
        }
        if (cur != null) {
            merged.add(cur);
        }
        return merged;
    }

    /** Microseconds a stay shares with the spans of one person (spans of one person never overlap once merged). */
    public static long sharedMicros(Stay stay, List<Span> spansOfOnePerson, Instant now) {
        long total = 0;
        Instant end = stay.end(now);
        for (Span s : spansOfOnePerson) {
            if (s.site() != stay.site()) {
                continue;
            }
            Instant a = s.from().isAfter(stay.in()) ? s.from() : stay.in();
            Instant b = s.to().isBefore(end) ? s.to() : end;
            if (b.isAfter(a)) {
                total += Duration.between(a, b).toNanos() / 1_000;
            }
        }
        return total;
    }
}
