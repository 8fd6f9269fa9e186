package vn.kiosk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A kiosk, a public screen or a guard console that reboots without the network starts from the service worker's
 * precached shell: every script a page loads (its imports, their imports, workers and lazy imports), every style
 * sheet and icon must be in sw.js's SHELL, or the page's module graph fails to load offline. Read from the files
 * the server serves, so a new module that is not added there fails here.
 */
class OfflineShellTest {
    private static final Pattern SHELL_ENTRY = Pattern.compile("'(/[^']*)'");
    private static final Pattern HTML_REF = Pattern.compile("<(?:script|link)\\b[^>]*?(?:src|href)=\"(/[^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//[^\n]*", Pattern.DOTALL);
    private static final Pattern JS_REF = Pattern.compile(
            "(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|new Worker\\(\\s*|importScripts\\(\\s*|loadScript\\(\\s*)'([^']+\\.js)'");

    private static String read(String path) throws IOException {
        try (InputStream in = OfflineShellTest.class.getResourceAsStream("/webroot" + path)) {
            assertThat(in).as("served file " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> shell() throws IOException {
        String sw = read("/sw.js");
        String list = sw.substring(sw.indexOf("const SHELL = ["), sw.indexOf("];", sw.indexOf("const SHELL = [")));
        Set<String> shell = new LinkedHashSet<>();
        Matcher m = SHELL_ENTRY.matcher(list);
        while (m.find()) {
            shell.add(m.group(1));
        }
        return shell;
    }

    /** What a page loads, following the scripts' imports: absolute paths as the browser asks for them. */
    private static Set<String> loadedBy(String page) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Matcher h = HTML_REF.matcher(read(page));
        while (h.find()) {
            todo.add(h.group(1));
        }
        while (!todo.isEmpty()) {
            String path = todo.poll();
            if (!seen.add(path) || !path.endsWith(".js")) {
                continue;
            }
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            String code = COMMENT.matcher(read(path)).replaceAll(""); // examples in comments load nothing
            Matcher j = JS_REF.matcher(code);
            while (j.find()) {
                String ref = j.group(1);
                todo.add(ref.startsWith("/") ? ref : java.net.URI.create(dir).resolve(ref).getPath());
            }
        }
        return seen;
    }

    @Test
    void everyFileTheOfflineScreensLoadIsPrecached() throws IOException {
        Set<String> shell = shell();
        for (String page : List.of("/kiosk.html", "/screen.html", "/guard.html", "/index.html")) {
            Set<String> loaded = loadedBy(page);
            assertThat(loaded).as(page + " loads its own script").anyMatch(p -> p.startsWith("/app/"));
            assertThat(shell).as("sw.js SHELL holds what " + page + " loads").containsAll(loaded);
        }
    }
}
