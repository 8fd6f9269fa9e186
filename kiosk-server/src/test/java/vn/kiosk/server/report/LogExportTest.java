package vn.kiosk.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.export.Table;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** The log as XLSX: same filters as the list, streamed, audited. */
class LogExportTest {
    static final int VISITS = 6_000;
    static Api admin;
    static long site;

    @BeforeAll
    static void setUp() throws Exception {
        TestServer server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("bus_station");
        // Many visits, written straight into the table: the export, not the check-in path, is under test.
        // (visitor ids are random: the row's number g is taken from its name)
        server.server().pool().preparedQuery("with p as (insert into visitors (name, name_folded) select 'Khách ' || g,"
                        + " 'khach ' || g from generate_series(1, $2) g returning id, split_part(name, ' ', 2)::int as g)"
                        + " insert into visits (id, site_id, visitor_id, entered_at, exited_at, entry_method, bluezone)"
                        + " select gen_random_uuid(), $1, id, now() - make_interval(secs => g % 80000),"
                        + " now() - make_interval(secs => g % 80000) + interval '20 minutes', 'guard',"
                        + " case when g % 3 = 0 then 'declared' else 'not_installed' end from p")
                .execute(Tuple.of(site, VISITS)).await(30, TimeUnit.SECONDS);
        admin.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor("Nguyễn Văn An", "0388 765 432"))
                .put("bluezone", new JsonObject().put("status", "qr_confirmed")));
    }

    /** The first sheet's XML, read through the zip's central directory as Excel does. */
    static String sheet(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("export-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry("xl/worksheets/sheet1.xml");
                assertThat(e).as("no sheet in the workbook").isNotNull();
                return unescape(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
    }

    /** The writer escapes every non-ASCII character as a character reference (&#x1ec5;). */
    static String unescape(String xml) {
        Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    static int rows(String sheet) {
        Matcher m = Pattern.compile("<row ").matcher(sheet);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    @DisplayName("The XLSX export holds every visit of the range, newest first, with a bilingual header")
    void everything() throws Exception {
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString().replace("+", "%2B");
        Api.Response head = admin.get("/api/v1/sites/" + site + "/visits.xlsx?from=" + from);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo(Table.XLSX);
        assertThat(head.header("Content-Disposition")).contains(".xlsx");
        String sheet = sheet(admin.bytes("/api/v1/sites/" + site + "/visits.xlsx?from=" + from));
        assertThat(rows(sheet)).isEqualTo(VISITS + 2);
        assertThat(sheet).contains("Mã lượt / Visit").contains("Họ tên / Name");
        // The newest, the one checked in just now, comes first.
        assertThat(sheet.indexOf("Nguyễn Văn An")).isLessThan(sheet.indexOf("Khách "));
    }

    @Test
    @DisplayName("The XLSX export takes the list's filters: a name without diacritics, a Bluezone status")
    void filters() throws Exception {
        String sheet = sheet(admin.bytes("/api/v1/sites/" + site + "/visits.xlsx?q=nguyen%20van%20an"));
        assertThat(rows(sheet)).isEqualTo(2);
        assertThat(sheet).contains("Nguyễn Văn An").contains("038****432").doesNotContain("0388765432");
        String declared = sheet(admin.bytes("/api/v1/sites/" + site + "/visits.xlsx?bluezone=declared&from="
                + OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString().replace("+", "%2B")));
        assertThat(rows(declared)).isEqualTo(VISITS / 3 + 1);
        assertThat(admin.get("/api/v1/sites/" + site + "/visits.xlsx?bluezone=maybe").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("The XLSX export is audited like the CSV; another manager's site is 403")
    void audited() throws Exception {
        Api manager = admin.userFor("manager", List.of(site));
        long userId = manager.get("/api/v1/auth/me").json().getLong("id");
        manager.bytes("/api/v1/sites/" + site + "/visits.xlsx?q=0388765432");
        var rows = TestServer.shared().server().pool().preparedQuery("select action, site_id, row_count from audit_log"
                + " where user_id = $1").execute(Tuple.of(userId)).await(10, TimeUnit.SECONDS);
        assertThat(rows.size()).isEqualTo(1);
        var row = rows.iterator().next();
        assertThat(row.getString("action")).isEqualTo("export_xlsx");
        assertThat(row.getLong("site_id")).isEqualTo(site);
        assertThat(row.getInteger("row_count")).isEqualTo(1);
        Api other = admin.userFor("manager", List.of(admin.createSite("office")));
        assertThat(other.get("/api/v1/sites/" + site + "/visits.xlsx").status()).isEqualTo(403);
    }
}
