package vn.kiosk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import vn.kiosk.server.support.Api;
import vn.kiosk.server.support.TestServer;

/** Steps the personal-data tests share: new people, their passes, requests, and looks at the tables. */
final class Privacies {
    private Privacies() {
    }

    static String phone() {
        return "098" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** A first check-in by staff at {@code site}: answers with the visitor's pass. */
    static JsonObject firstVisit(Api staff, long site, String name, String phone, String bluezoneId) {
        JsonObject bz = new JsonObject().put("status", "declared");
        if (bluezoneId != null) {
            bz.put("bluezoneId", bluezoneId);
        }
        Api.Response r = staff.checkIn(new JsonObject().put("siteId", site).put("direction", "in")
                .put("visitor", Api.visitor(name, phone)).put("bluezone", bz));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static Api.Response fileMine(TestServer server, String pass, String type) {
        return server.api().post("/api/v1/my-data/requests", new JsonObject().put("pass", pass).put("type", type));
    }

    static RowSet<Row> sql(TestServer server, String sql, Tuple args) {
        Pool pool = server.server().pool();
        try {
            return pool.preparedQuery(sql).execute(args).await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
