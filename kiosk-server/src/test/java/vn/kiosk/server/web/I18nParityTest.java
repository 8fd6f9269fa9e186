package vn.kiosk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both languages of every screen say everything: webroot/shared/i18n/vi.js and en.js have the same keys (nested
 * ones too), no string is empty, every string is Unicode NFC (a decomposed "ệ" looks the same and breaks search
 * and sorting). The modules are loaded as the screens load them, in Chromium, so what is checked is what t() reads;
 * so are the feature modules that add their own strings to the table of app/i18n.js, each in both languages and
 * none replacing a string already there.
 */
class I18nParityTest {

    /** The modules that add strings to the table of app/i18n.js when a screen loads them. */
    private static final List<String> ADDING = List.of("/app/strings-screen.js", "/admin/strings-targets.js",
            "/admin/strings-users.js", "/app/guard-i18n.js", "/app/privacy-i18n.js");

    /** Leaves of an object as dotted keys; a leaf that is not a string becomes null. */
    private static final String FLAT = "const flat = (o, prefix = '', out = {}) => {"
            + " for (const [k, v] of Object.entries(o)) {"
            + "   const key = prefix ? prefix + '.' + k : k;"
            + "   if (v !== null && typeof v === 'object') flat(v, key, out); else out[key] = typeof v === 'string' ? v : null;"
            + " }"
            + " return out; };";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    @Test
    void theTwoLanguageFilesHaveTheSameKeysAndNoEmptyOrDecomposedString() {
        JsonObject both = load("async () => { " + FLAT
                + " const vi = (await import('/shared/i18n/vi.js')).default;"
                + " const en = (await import('/shared/i18n/en.js')).default;"
                + " return JSON.stringify({ vi: flat(vi), en: flat(en) }); }", null);
        JsonObject vi = both.getJsonObject("vi");
        JsonObject en = both.getJsonObject("en");
        assertThat(vi.size()).as("strings in vi.js").isGreaterThan(100);
        assertSameKeys("vi.js", vi, "en.js", en);
        assertWellFormed("vi.js", vi);
        assertWellFormed("en.js", en);
    }

    @Test
    void everyModuleAddingStringsAddsTheSameKeysInBothLanguagesAndReplacesNone() {
        JsonObject r = load("async (modules) => { " + FLAT
                + " const { STRINGS } = await import('/app/i18n.js');"
                + " const added = [];"
                + " for (const m of modules) {"
                + "   const before = { vi: { ...STRINGS.vi }, en: { ...STRINGS.en } };"
                + "   await import(m);"
                + "   const news = (l) => Object.keys(STRINGS[l]).filter((k) => !(k in before[l]));"
                + "   const replaced = (l) => Object.keys(before[l]).filter((k) => before[l][k] !== STRINGS[l][k]);"
                + "   added.push({ module: m, vi: news('vi'), en: news('en'), replaced: [...replaced('vi'), ...replaced('en')] });"
                + " }"
                + " return JSON.stringify({ added, vi: flat(STRINGS.vi), en: flat(STRINGS.en) }); }", ADDING);
        JsonArray added = r.getJsonArray("added");
        assertThat(added.size()).isEqualTo(ADDING.size());
        for (int i = 0; i < added.size(); i++) {
            JsonObject m = added.getJsonObject(i);
            String module = m.getString("module");
            assertThat(m.getJsonArray("vi").size()).as(module + " adds strings").isPositive();
            assertThat(new TreeSet<>(m.getJsonArray("en").getList()))
                    .as(module + ": the English keys it adds are its Vietnamese ones")
                    .isEqualTo(new TreeSet<>(m.getJsonArray("vi").getList()));
            assertThat(m.getJsonArray("replaced").getList()).as(module + " replaces no string already there").isEmpty();
        }
        assertSameKeys("the whole Vietnamese table", r.getJsonObject("vi"), "the whole English table", r.getJsonObject("en"));
        assertWellFormed("the whole Vietnamese table", r.getJsonObject("vi"));
        assertWellFormed("the whole English table", r.getJsonObject("en"));
    }

    private static JsonObject load(String script, Object arg) {
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = ctx.newPage();
            Browsers.Watch watch = new Browsers.Watch(page);
            page.navigate(Browsers.url("/"));
            Object json = page.evaluate(script, arg);
            watch.assertClean();
            return new JsonObject((String) json);
        }
    }

    private static void assertSameKeys(String aName, JsonObject a, String bName, JsonObject b) {
        TreeSet<String> onlyA = new TreeSet<>(a.fieldNames());
        onlyA.removeAll(b.fieldNames());
        TreeSet<String> onlyB = new TreeSet<>(b.fieldNames());
        onlyB.removeAll(a.fieldNames());
        assertThat(onlyA).as("keys in " + aName + " but not in " + bName).isEmpty();
        assertThat(onlyB).as("keys in " + bName + " but not in " + aName).isEmpty();
    }

    private static void assertWellFormed(String name, JsonObject strings) {
        List<String> notText = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> notNfc = new ArrayList<>();
        for (Map.Entry<String, Object> e : strings) {
            if (!(e.getValue() instanceof String s)) {
                notText.add(e.getKey());
            } else if (s.isBlank()) {
                empty.add(e.getKey());
            } else if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
                notNfc.add(e.getKey());
            }
        }
        assertThat(notText).as(name + ": values that are not strings").isEmpty();
        assertThat(empty).as(name + ": empty strings").isEmpty();
        assertThat(notNfc).as(name + ": strings not in Unicode NFC").isEmpty();
    }
}
