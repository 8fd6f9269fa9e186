package vn.kiosk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the server's code can answer has words on screen, Vietnamese and English
 * ({@code webroot/app/problems.js}): the types are read from the sources, so a new one without messages fails here.
 */
class ProblemMessagesTest {
    /** A literal type given to an ApiException factory, or to the helpers that pass theirs on. */
    private static final Pattern FACTORY = Pattern.compile("(?:ApiException\\.(?:badRequest|unprocessable|conflict)\\("
            + "|ApiException\\.of\\(\\s*\\d+,|new ApiException\\(\\s*\\d+,|\\bof\\(\\s*\\d+,|\\binvalid\\()\\s*\"([a-z0-9-]+)\"");
    /** InputText picks one of two types in a ternary. */
    private static final Pattern TERNARY = Pattern.compile("\\?\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"\\s*:\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"");
    /** The batch function's refusals (VisitWriter turns "visitor_unknown" into "visitor-unknown"). */
    private static final Pattern SQL_REFUSAL = Pattern.compile("null,\\s*'([a-z]+(?:_[a-z]+)+)',\\s*0::smallint");
    private static final Pattern MESSAGE = Pattern.compile(
            "^\\s*'([a-z0-9@.-]+)':\\s*\\['((?:[^'\\\\]|\\\\.)*)',\\s*'((?:[^'\\\\]|\\\\.)*)'\\],\\s*$", Pattern.MULTILINE);

    @Test
    @DisplayName("every problem type the server can produce has a Vietnamese and an English message on screen")
    void everyTypeHasBothMessages() throws IOException {
        Set<String> types = serverTypes();
        assertThat(types).as("types read from the sources").hasSizeGreaterThan(50)
                .contains("invalid-phone", "unauthorized", "forbidden", "rate-limited", "visitor-unknown", "nul-character");
        Map<String, String[]> messages = messages();
        Set<String> missing = new TreeSet<>(types);
        missing.removeAll(messages.keySet());
        assertThat(missing).as("problem types without messages in webroot/app/problems.js").isEmpty();
        for (Map.Entry<String, String[]> m : messages.entrySet()) {
            String vi = m.getValue()[0];
            String en = m.getValue()[1];
            assertThat(vi).as("Vietnamese of " + m.getKey()).isNotBlank().isNotEqualTo(en)
                    .matches(s -> Normalizer.isNormalized(s, Normalizer.Form.NFC), "NFC")
                    .matches(s -> s.chars().anyMatch(c -> c > 0x7f), "written with Vietnamese letters");
            assertThat(en).as("English of " + m.getKey()).isNotBlank();
        }
    }

    static Set<String> serverTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = FACTORY.matcher(text);
                while (m.find()) {
                    types.add(m.group(1));
                }
                if (text.contains("ApiException")) {
                    Matcher t = TERNARY.matcher(text);
                    while (t.find()) {
                        types.add(t.group(1));
                        types.add(t.group(2));
                    }
                }
            }
        }
        // the fixed types of ApiException's own factories
        types.addAll(Set.of("unauthorized", "forbidden", "not-found", "rate-limited", "unavailable", "disk-full"));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/functions"))) {
            for (Path f : files.toList()) {
                Matcher m = SQL_REFUSAL.matcher(Files.readString(f));
                while (m.find()) {
                    types.add(m.group(1).replace('_', '-'));
                }
            }
        }
        return types;
    }

    static Map<String, String[]> messages() throws IOException {
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/webroot/app/problems.js")) {
            assertThat(in).as("problems.js on the class path").isNotNull();
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String[]> out = new HashMap<>();
            Matcher m = MESSAGE.matcher(js);
            while (m.find()) {
                out.put(m.group(1), new String[] {unescape(m.group(2)), unescape(m.group(3))});
            }
            return out;
        }
    }

    private static String unescape(String s) {
        return s.replace("\\'", "'");
    }
}
