package vn.kiosk.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.Phones;
import vn.kiosk.server.support.TestServer;

/**
 * The call list reaches every contact: those who came by CCCD carry their masked ID number, and their address where
 * the site keeps it (only there); codes read as the screens' words; and the overlap minutes are the screen's.
 */
class CallListTest {
    static final Random RANDOM = new Random();

    static String card(String id, String name, String address) {
        return id + "||" + name + "|15081990|Nam|" + address + "|01072021";
    }

    static String idNumber() {
        return String.format("0791%08d", RANDOM.nextInt(100_000_000));
    }

    @Test
    @DisplayName("The call list has the masked ID and, only where the site keeps it, the address; labels, not codes; the screen's minutes")
    void callList() throws Exception {
        Api admin = TestServer.shared().admin();
        long keeps = admin.createSite("hotel");
        long keepsNot = admin.createSite("market");
        assertThat(admin.patch("/api/v1/sites/" + keeps, new JsonObject().put("cccdAddress", true)).status()).isEqualTo(200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String subjectPhone = Phones.next();
        JsonObject subject = Api.visitor("Hoàng Văn Nam", subjectPhone);
        // the subject is inside both sites, and so is everyone met: open stays, whose overlap grows with the clock
        in(admin, keeps, new JsonObject().put("visitor", subject), now.minusHours(3), "declared");
        in(admin, keepsNot, new JsonObject().put("visitor", subject), now.minusHours(3), "declared");
        String cardId = idNumber();
        String address = "Số 7 đường Lê Lợi, phường 1, Đông Hà, Quảng Trị";
        in(admin, keeps, new JsonObject().put("cccd", card(cardId, "Phan Thị Cúc", address)), now.minusHours(2), "no_smartphone");
        String otherId = idNumber();
        String otherAddress = "Thôn Phú Hậu, Triệu Phong, Quảng Trị";
        in(admin, keepsNot, new JsonObject().put("cccd", card(otherId, "Lê Văn Đức", otherAddress)), now.minusHours(2),
                "not_installed");

        JsonObject body = new JsonObject().put("phone", subjectPhone).put("minOverlapMinutes", 1)
                .put("from", now.minusHours(6).toString()).put("to", now.plusMinutes(1).toString());
        Api.Response traced = admin.post("/api/v1/traces", body);
        assertThat(traced.status()).as(traced.body()).isEqualTo(200);
        JsonObject answer = traced.json();
        JsonArray contacts = answer.getJsonArray("contacts");
        assertThat(contacts).hasSize(2);
        JsonObject cuc = find(contacts, "Phan Thị Cúc");
        assertThat(cuc.getJsonObject("visitor").getString("idMasked")).isEqualTo("********" + cardId.substring(8));
        assertThat(answer.getString("asOf")).as("the now open stays were measured to").isNotNull();

        Thread.sleep(7_000); // a tenth of a minute more for every open stay, as a download made later would see
        Api.Response csv = admin.post("/api/v1/traces/call-list", body.copy().put("asOf", answer.getString("asOf")));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = Arrays.asList(csv.body().replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("STT / No.,Mức / Level,Họ tên / Name,Điện thoại / Phone,Giấy tờ / ID,"
                + "Địa chỉ (theo CCCD) / Address (from the ID card),Địa điểm / Site,Vào lúc / Entered,Ra lúc / Exited,"
                + "Phút tiếp xúc / Overlap (min),Ra tự động / Exit inferred,Bluezone,Qua / Via");
        assertThat(lines).hasSize(3);
        String cucLine = lines.stream().filter(l -> l.contains("Phan Thị Cúc")).findFirst().orElseThrow();
        assertThat(cucLine).contains("********" + cardId.substring(8)).contains("\"" + address + "\"")
                .contains("Không có điện thoại thông minh / No smartphone")
                .contains("," + minutes(cuc) + ",");
        String ducLine = lines.stream().filter(l -> l.contains("Lê Văn Đức")).findFirst().orElseThrow();
        assertThat(ducLine).as("a site that keeps no address shows none").contains("********" + otherId.substring(8))
                .contains("Chưa cài / Not installed").contains("," + minutes(find(contacts, "Lê Văn Đức")) + ",");
        assertThat(csv.body()).doesNotContain(otherAddress).doesNotContain("no_smartphone").doesNotContain("not_installed");

        // the log's own export says how each visit was recorded in the screen's words
        Api.Response log = admin.get("/api/v1/sites/" + keeps + "/visits.csv");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.body()).contains(",CCCD / Citizen ID,Không có điện thoại thông minh / No smartphone")
                .contains(",Bảo vệ ghi / Guard,Tự khai đã cài / Declared installed")
                .doesNotContain(",cccd,").doesNotContain(",manual,").doesNotContain("no_smartphone");

        // an asOf from another day is refused on its field, and stores nothing
        Api.Response old = admin.post("/api/v1/traces/call-list", body.copy().put("asOf", now.minusDays(2).toString()));
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.json().getString("field")).isEqualTo("asOf");
    }

    static String minutes(JsonObject contact) {
        return String.valueOf(contact.getDouble("overlapMinutes"));
    }

    static JsonObject find(JsonArray contacts, String name) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.getJsonObject(i).getJsonObject("visitor").getString("name").equals(name)) {
                return contacts.getJsonObject(i);
            }
        }
        throw new AssertionError("no contact " + name + " in " + contacts.encode());
    }

    static void in(Api admin, long site, JsonObject who, OffsetDateTime at, String bluezone) {
        Api.Response r = admin.checkIn(who.copy().put("siteId", site).put("direction", "in").put("occurredAt", at.toString())
                .put("bluezone", new JsonObject().put("status", bluezone)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
