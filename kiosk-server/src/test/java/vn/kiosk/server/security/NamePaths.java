package vn.kiosk.server.security;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import vn.kiosk.server.support.Api;

/** The paths a visitor's name comes in by: typed by a guard or on a kiosk, a self check-in, a CCCD card. */
final class NamePaths {
    private NamePaths() {
    }

    /** (name, request id) → the answer, for each path; the same id again is a replay. */
    static List<BiFunction<String, String, Api.Response>> all(Api guard, Api kiosk, long site) {
        String phone = "0917 000 " + (100 + new Random().nextInt(800));
        return List.of(
                (name, id) -> guard.checkIn(checkIn(id).put("siteId", site).put("visitor", Api.visitor(name, null))),
                (name, id) -> kiosk.checkIn(checkIn(id).put("visitor", Api.visitor(name, phone))),
                (name, id) -> kiosk.as(null).checkIn(checkIn(id).put("siteToken", siteToken(kiosk))
                        .put("visitor", Api.visitor(name, phone)).put("consent", Api.selfConsent())),
                (name, id) -> guard.checkIn(checkIn(id).put("siteId", site).put("cccd", card(name))),
                (name, id) -> kiosk.checkIn(checkIn(id).put("cccd", card(name))));
    }

    static JsonObject checkIn(String id) {
        return new JsonObject().put("id", id).put("direction", "in");
    }

    /** The kiosk's rotating code, as a visitor's phone reads it off the screen. */
    private static String siteToken(Api kiosk) {
        String payload = kiosk.get("/api/v1/kiosk/qr").json().getString("payload");
        return payload.substring(payload.lastIndexOf('/') + 1);
    }

    static String card(String name) {
        return "045190271828||" + name + "|01011990|Nam|Quảng Trị|01012021";
    }

    /** Non-ASCII as \\uXXXX, so that a failure message shows which invisible character it was. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
