package vn.kiosk.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain blocking HTTP client for set-up and for read-path probes (one request at a time). */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, byte[] body) {
        JsonObject json() {
            return new JsonObject(new String(body, StandardCharsets.UTF_8));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String base;
    private final String token;

    Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Http as(String token) {
        return new Http(base, token);
    }

    Http login(String user, String password) {
        Response r = post("/api/v1/auth/login", new JsonObject().put("username", user).put("password", password));
        if (r.status != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + r.status + " " + r.text());
        }
        return as(r.json().getString("token"));
    }

    String token() {
        return token;
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, JsonObject body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    }

    JsonObject expect(int status, Response r, String what) {
        if (r.status != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + r.status + " " + r.text());
        }
        return r.json();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
