package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/**
 * A code reader in keyboard mode types a CCCD's QR text into whatever field has the focus, often the name: the
 * server refuses such a "name" from every client, so that ID numbers, birth dates and addresses never become a
 * name shown in logs, lists, traces and exports.
 */
class CardTextNameTest {
    static final String CARD = "045090001234|197123456|Nguyễn Văn An|15031990|Nam|Số 12 đường Hùng Vương, Phường 1, Thành phố Đông Hà, Tỉnh Quảng Trị|01062021";
    static Api admin;
    static long site;
    static Api guard;

    @BeforeAll
    static void setUp() {
        TestServer server = TestServer.shared();
        admin = server.admin();
        site = admin.createSite("office");
        guard = admin.userFor("guard", List.of(site));
    }

    private static Api.Response typed(Api as, String name) {
        return as.checkIn(new JsonObject().put("siteId", site).put("visitor", Api.visitor(name, Phones.next())));
    }

    private static int visits() {
        return guard.get("/api/v1/sites/" + site + "/visits?limit=500").items().size();
    }

    private static void assertRefused(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getString("type")).endsWith("/name-looks-like-card");
        assertThat(p.getString("field")).isEqualTo("visitor.name");
        assertThat(p.getString("title")).isNotBlank();
        assertThat(p.getString("detail")).doesNotContain("045090001234").doesNotContain("Hùng Vương");
    }

    @Test
    @DisplayName("A card's text typed as the name is refused with field visitor.name, and nothing is stored")
    void cardTextAsName() {
        int before = visits();
        assertRefused(typed(guard, CARD.substring(0, 100))); // the name field's 100 characters of it
        assertRefused(typed(guard, "045090001234||Tran Van Nam|15031990|Nam|Dong Ha|01062021"));
        assertRefused(typed(guard, "Nguyễn Văn An|15031990"));
        assertRefused(typed(guard, "Nguyễn Văn An 045090001234"));
        assertRefused(typed(guard, "Nguyễn Văn An 0905 111 222"));
        assertThat(visits()).isEqualTo(before);
    }

    @Test
    @DisplayName("A kiosk's typed check-in is refused the same way")
    void everyClient() {
        JsonObject kiosk = admin.pairKiosk(site, "both");
        Api device = admin.as(kiosk.getString("deviceToken"));
        int before = visits();
        assertRefused(typed(device, CARD.substring(0, 90)));
        assertThat(visits()).isEqualTo(before);
    }

    @Test
    @DisplayName("Names with a few digits still pass: 'Người 3', a room number, an emoji")
    void ordinaryNamesPass() {
        for (String name : List.of("Người 3", "Trần Thị B (phòng 204)", "Khách đoàn 2024", "Đỗ Hùng 🙂")) {
            Api.Response r = typed(guard, name);
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(201);
        }
    }
}
