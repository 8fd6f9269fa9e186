package vn.kiosk.server.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.jobs.Reencryption;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

class KeyRotationTest {

    @Test
    @DisplayName("After a data-key rotation every number is re-encrypted under the new key and still found; then the old key can go")
    void rotation() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-rotation-");
        long site;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            Api admin = first.admin();
            site = admin.createSite("office");
            for (int i = 0; i < 30; i++) {
                admin.checkIn(new JsonObject().put("siteId", site).put("visitor", new JsonObject()
                        .put("name", "Khách " + i).put("phone", String.format("0917%06d", i))
                        .put("idNumber", String.format("045190%06d", i))));
            }
        }
        Keys keys = new Keys(dir, Map.of());
        byte[] oldKey = keys.secret(Keys.DATA);
        keys.rotateData();
        byte[] newKey = keys.secret(Keys.DATA);
        assertThat(newKey).isNotEqualTo(oldKey);

        try (TestServer second = TestServer.start(dir, Map.of())) {
            long rewritten = new Reencryption(second.server().pool(),
                    new PersonalData(newKey, oldKey, keys.secret(Keys.LOOKUP))).run().await(60, TimeUnit.SECONDS);
            assertThat(rewritten).as("the background job may have done some already").isBetween(0L, 30L);
            PersonalData onlyNew = new PersonalData(newKey, keys.secret(Keys.LOOKUP));
            PersonalData onlyOld = new PersonalData(oldKey, keys.secret(Keys.LOOKUP));
            int rows = 0;
            for (Row r : second.server().pool().query("select phone_enc, id_enc from visitors where phone_enc is not null")
                    .execute().await(10, TimeUnit.SECONDS)) {
                assertThat(onlyNew.decrypt(r.getBuffer("phone_enc").getBytes())).startsWith("+84917");
                assertThat(onlyNew.decrypt(r.getBuffer("id_enc").getBytes())).startsWith("045190");
                assertThat(onlyOld.current(r.getBuffer("phone_enc").getBytes())).isFalse();
                rows++;
            }
            assertThat(rows).isEqualTo(30);
            assertThat(second.admin().get("/api/v1/sites/" + site + "/visits?q=0917000007").items()).hasSize(1);
        }
        Files.delete(dir.resolve("keys/data.previous.key"));
        try (TestServer third = TestServer.start(dir, Map.of())) {
            assertThat(third.admin().get("/api/v1/sites/" + site + "/visits?q=045190000009").items()).hasSize(1);
        }
    }
}
