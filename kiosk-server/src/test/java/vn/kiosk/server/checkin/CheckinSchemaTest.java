package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.http.ApiException;

/** The hand-written check of the CheckIn schema accepts what openapi.yaml allows and nothing else. */
class CheckinSchemaTest {
    private static final String ID = "6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6";

    private static JsonObject ok() {
        return new JsonObject().put("id", ID).put("siteId", 12).put("direction", "auto")
                .put("visitor", new JsonObject().put("name", "Nguyễn Văn An").put("phone", "0912 345 678")
                        .put("idNumber", "079203001234"))
                .put("bluezone", new JsonObject().put("status", "qr_confirmed").put("bluezoneId", "AbC123"))
                .put("occurredAt", "2021-08-01T08:00:00+07:00").put("gate", "Cổng A");
    }

    @Test
    void acceptsWhatTheContractAllows() {
        for (JsonObject body : List.of(ok(), new JsonObject().put("id", ID),
                new JsonObject().put("id", ID).put("siteToken", "k1.2.3.abc").put("pass", "v1.x"),
                new JsonObject().put("id", ID).put("cccd", "079203001234||A|01011990|Nam|x|01012021"),
                ok().put("gate", ""), ok().put("siteId", 9_007_199_254_740_991L),
                ok().put("consent", new JsonObject().put("version", 3).put("method", "self")),
                ok().put("consent", new JsonObject().put("method", "pass")))) {
            assertThatCode(() -> CheckinSchema.check(body)).as(body.encode()).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesWhatItDoesNot() {
        List<JsonObject> bad = List.of(
                new JsonObject(),
                ok().put("id", "not-a-uuid-not-a-uuid-not-a-uuid-xxx"),
                ok().put("id", 5),
                ok().put("extra", true),
                ok().put("siteId", 0),
                ok().put("siteId", "12"),
                ok().put("siteId", 9_007_199_254_740_992L),
                ok().put("direction", "sideways"),
                ok().put("visitor", "Nguyễn Văn An"),
                ok().put("visitor", new JsonObject().put("phone", "0912345678")),
                ok().put("visitor", new JsonObject().put("name", "")),
                ok().put("visitor", new JsonObject().put("name", "x".repeat(101))),
                ok().put("visitor", new JsonObject().put("name", "A").put("email", "a@b")),
                ok().put("visitor", new JsonObject().put("name", "A").put("phone", "0".repeat(31))),
                ok().put("bluezone", new JsonObject()),
                ok().put("bluezone", new JsonObject().put("status", "maybe")),
                ok().put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "a-b")),
                ok().put("bluezone", new JsonObject().put("status", "declared").put("bluezoneId", "x".repeat(17))),
                ok().put("occurredAt", "x".repeat(41)),
                ok().put("gate", "x".repeat(101)),
                ok().put("pass", ""),
                ok().put("siteToken", "x".repeat(201)),
                ok().put("consent", true),
                ok().put("consent", new JsonObject().put("version", 1)),
                ok().put("consent", new JsonObject().put("version", 1).put("method", "silence")),
                ok().put("consent", new JsonObject().put("method", "kiosk")),
                ok().put("consent", new JsonObject().put("version", 1).put("method", "pass")),
                ok().put("consent", new JsonObject().put("version", 0).put("method", "staff")),
                ok().put("consent", new JsonObject().put("version", "1").put("method", "staff")),
                ok().put("consent", new JsonObject().put("version", 2_147_483_648L).put("method", "staff")),
                ok().put("consent", new JsonObject().put("version", 1).put("method", "staff").put("at", "now")));
        for (JsonObject body : bad) {
            try {
                CheckinSchema.check(body);
                throw new AssertionError("accepted " + body.encode());
            } catch (ApiException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.type()).isEqualTo("invalid-request");
            }
        }
    }
}
