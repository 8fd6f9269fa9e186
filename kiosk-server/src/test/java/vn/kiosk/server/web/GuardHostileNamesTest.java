package vn.kiosk.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.kiosk.server.web.Browsers.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;

/**
 * Hostile names on the guard console: each stays inside its own row (its box, and no ink between the rows;
 * clipped to its box, an isolate), and a right-to-left one cannot reorder the text around it.
 */
class GuardHostileNamesTest {
    /** Three marks on every letter: the most the name definition lets through. */
    static final String MOST_MARKS = marked("Nguyen Van Zalgo", "\u030D\u0346\u0329");
    /** Dozens of marks on every letter, as a row stored by an earlier release may hold. */
    static final String ZALGO = marked("Zalgo", "\u0300\u0301\u0303\u0309\u0302\u0306".repeat(4) + "\u0323".repeat(8));
    static final String ARABIC = "علي";

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
    }

    static String marked(String base, String marks) {
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) {
            b.append(c).append(c == ' ' ? "" : marks);
        }
        return b.toString();
    }

    @Test
    void hostileNamesStayInTheirRowsAndCannotReorderTheirNeighbours() throws Exception {
        long site = Browsers.site("office");
        Browsers.Staff guard = Browsers.guard(site);
        List<String> names = List.of("Nguyễn Văn An", "Người cũ", MOST_MARKS, "Trần Thị Bình", ARABIC + " 2",
                "😀".repeat(50), "Lê Thị Hồng");
        long legacy = 0;
        for (String name : names) {
            Api.Response r = guard.api().checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                    .put("visitor", Api.visitor(name, Phones.next())));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            if (name.equals("Người cũ")) {
                legacy = r.json().getJsonObject("visitor").getLong("id");
            }
        }
        // what an earlier release stored: the name definition refuses such a name at the door now
        Browsers.server().server().pool().preparedQuery("update visitors set name = $1 where id = $2")
                .execute(Tuple.of(ZALGO, legacy)).await(10, TimeUnit.SECONDS);
        try (BrowserContext ctx = Browsers.tablet(Browsers.browser())) {
            Page page = GuardConsoleTest.signIn(ctx, guard);
            Browsers.Watch watch = new Browsers.Watch(page);
            assertThat(page.locator("#inside .inside-row")).hasCount(names.size());
            assertThat(page.locator("#feed .feed-row")).hasCount(names.size());
            page.evaluate("document.fonts.ready.then(() => true)");
            shot(page, "guard-hostile-names");
            byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            List<String> wrong = new ArrayList<>();
            for (String list : List.of("#inside .inside-row", "#feed .feed-row")) {
                wrong.addAll(namesInsideRows(page, list, image));
            }
            assertThat(wrong).isEmpty();

            // typed at the desk: the line that confirms it keeps its time after the name
            page.fill("#m-name", ARABIC);
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#last")).isVisible();
            JsonObject order = new JsonObject((String) page.evaluate("([name]) => {"
                    + " const node = document.querySelector('#last-text').firstChild, text = node.textContent;"
                    + " const box = (s) => { const i = text.lastIndexOf(s), r = document.createRange();"
                    + "   r.setStart(node, i); r.setEnd(node, i + s.length); return r.getBoundingClientRect(); };"
                    + " const time = text.slice(text.lastIndexOf(' ') + 1);"
                    + " return JSON.stringify({ name: box(name).right, time: box(time).left, text }); }",
                    new JsonArray().add(ARABIC).getList()));
            shot(page, "guard-hostile-names-typed");
            assertThat(order.getDouble("time")).as("the time after the name in: " + order.getString("text"))
                    .isGreaterThanOrEqualTo(order.getDouble("name"));
            // one the name definition refuses: said in Vietnamese, and nobody new is inside
            page.fill("#m-name", "Z\u0351\u0352\u0357\u035Balgo");
            page.check("#m-consent");
            page.click("#manual button[type=submit]");
            assertThat(page.locator("#m-name-error")).containsText("Họ và tên có ký tự không dùng được");
            assertThat(page.locator("#inside .inside-row")).hasCount(names.size() + 1);
            watch.assertClean();
        }
    }

    /** Each name's box inside its row, rows apart, and nothing painted in the gaps between them. */
    @SuppressWarnings("unchecked")
    static List<String> namesInsideRows(Page page, String rows, BufferedImage image) {
        List<List<Number>> boxes = (List<List<Number>>) page.evaluate("(sel) => [...document.querySelectorAll(sel)]"
                + ".map((row) => { const r = row.getBoundingClientRect(), n = row.querySelector('.name').getBoundingClientRect();"
                + " const c = getComputedStyle(row.querySelector('.name'));"
                + " return [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY,"
                + " n.left + scrollX, n.top + scrollY, n.right + scrollX, n.bottom + scrollY,"
                + " /(hidden|clip) (hidden|clip)/.test(c.overflowX + ' ' + c.overflowY) ? 1 : 0,"
                + " /isolate|plaintext/.test(c.unicodeBidi) ? 1 : 0]; })", rows);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i).stream().mapToDouble(Number::doubleValue).toArray();
            if (b[4] < b[0] - 0.5 || b[5] < b[1] - 0.5 || b[6] > b[2] + 0.5 || b[7] > b[3] + 0.5) {
                wrong.add(rows + " " + i + ": the name's box leaves its row");
            }
            // Whether stacked marks paint past the box depends on the font (the ones here overprint them; Noto
            // on a phone stacks them): only a name that clips to its box is inside its row with every font.
            if (b[8] == 0) {
                wrong.add(rows + " " + i + ": the name is not clipped to its box");
            }
            if (b[9] == 0) {
                wrong.add(rows + " " + i + ": the name is not a bidi isolate");
            }
            if (i + 1 < boxes.size()) {
                double[] next = boxes.get(i + 1).stream().mapToDouble(Number::doubleValue).toArray();
                int top = (int) Math.ceil(b[3]) + 1;
                int bottom = (int) Math.floor(next[1]) - 1;
                if (bottom < top) {
                    wrong.add(rows + " " + i + " and " + (i + 1) + " touch or overlap");
                    continue;
                }
                int background = image.getRGB((int) b[0] + 2, top);
                int inked = 0;
                for (int y = top; y <= bottom; y++) {
                    for (int x = (int) Math.ceil(b[0]); x < (int) Math.floor(b[2]); x++) {
                        inked += image.getRGB(x, y) == background ? 0 : 1;
                    }
                }
                if (inked > 0) {
                    wrong.add(rows + ": " + inked + " pixels painted between rows " + i + " and " + (i + 1));
                }
            }
        }
        return wrong;
    }
}
