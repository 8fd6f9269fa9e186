package vn.kiosk.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.kiosk.server.http.ApiException;

/**
 * The hand-written {@link CheckinSchema} and the contract's own validator (the {@code CheckIn} schema read from
 * openapi.yaml, validated by vertx-json-schema as the OpenAPI router would) give the same verdict on the same bodies:
 * valid ones generated from the contract's schema, and each mutated at one place. Bodies are generated from the
 * contract, so a field added there is generated too, and CheckinSchema must learn it. Seeded:
 * {@code -Dkiosk.fuzz.seed=S -Dkiosk.fuzz.cases=N} for another or a longer run.
 */
class CheckinContractTest {
    private static final long SEED = Long.getLong("kiosk.fuzz.seed", 19L);
    private static final int CASES = Integer.getInteger("kiosk.fuzz.cases", 150);

    private static Vertx vertx;
    private static JsonObject raw;
    private static JsonObject schema;
    private static Validator contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        OpenAPIContract c = OpenAPIContract.from(vertx, "openapi.yaml").toCompletionStage().toCompletableFuture().get();
        raw = c.getRawContract();
        JsonSchema body = c.operation("checkIn").getRequestBody().getContent().get("application/json").getSchema();
        contract = c.getSchemaRepository().validator(body);
        schema = resolve(raw.getJsonObject("components").getJsonObject("schemas").getJsonObject("CheckIn"));
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    @Test
    @DisplayName("CheckinSchema and the contract's validator agree on generated and mutated check-in bodies")
    void agree() {
        Random random = new Random(SEED);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < CASES; i++) {
            JsonObject body = (JsonObject) generate(schema, random);
            assertAgree(body);
            for (JsonObject mutated : mutations(body, random)) {
                boolean ok = assertAgree(mutated);
                valid += ok ? 1 : 0;
                invalid += ok ? 0 : 1;
            }
        }
        // Both verdicts must occur often, or the test could not catch a drift either way.
        assertThat(valid).as("mutated bodies both accept").isGreaterThan(CASES / 4);
        assertThat(invalid).as("mutated bodies both refuse").isGreaterThan(CASES * 5);
    }

    private static boolean assertAgree(JsonObject generated) {
        // as the server receives it: parsed from the wire (a number that fits is an Integer, as int32 expects)
        JsonObject body = new JsonObject(generated.encode());
        OutputUnit unit = contract.validate(body);
        boolean byContract = unit.getValid();
        boolean byHand;
        try {
            CheckinSchema.check(body);
            byHand = true;
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.type()).isEqualTo("invalid-request");
            byHand = false;
        }
        assertThat(byHand).as("CheckinSchema on %s (seed %d; the contract says %s)", body.encode(), SEED,
                byContract ? "valid" : unit.getErrors()).isEqualTo(byContract);
        return byContract;
    }

    // ---- generating from the contract's schema ----

    private static JsonObject resolve(JsonObject s) {
        String ref = s.getString("$ref");
        if (ref == null) {
            return s;
        }
        JsonObject at = raw;
        for (String part : ref.substring(2).split("/")) {
            at = at.getJsonObject(part);
        }
        return resolve(at);
    }

    private static Object generate(JsonObject s, Random r) {
        s = resolve(s);
        if (s.containsKey("enum")) {
            JsonArray values = s.getJsonArray("enum");
            return values.getValue(r.nextInt(values.size()));
        }
        return switch (s.getString("type")) {
            case "object" -> {
                JsonObject o = new JsonObject();
                List<Object> required = s.getJsonArray("required", new JsonArray()).getList();
                for (Map.Entry<String, Object> p : s.getJsonObject("properties")) {
                    if (required.contains(p.getKey()) || r.nextInt(3) > 0) {
                        o.put(p.getKey(), generate((JsonObject) p.getValue(), r));
                    }
                }
                yield o;
            }
            case "integer" -> {
                long min = s.getLong("minimum", Long.MIN_VALUE / 2);
                long max = s.getLong("maximum", Long.MAX_VALUE / 2);
                yield switch (r.nextInt(3)) {
                    case 0 -> min;
                    case 1 -> max;
                    default -> min + (long) (r.nextDouble() * (Math.min(max, min + 100_000) - min));
                };
            }
            case "array" -> {
                JsonArray a = new JsonArray();
                int n = s.getInteger("minItems", 0) + r.nextInt(3);
                for (int i = 0; i < Math.min(n, s.getInteger("maxItems", n)); i++) {
                    a.add(generate(s.getJsonObject("items"), r));
                }
                yield a;
            }
            case "string" -> "uuid".equals(s.getString("format")) ? UUID.randomUUID().toString()
                    : text(r, s.getInteger("minLength", 0), s.getInteger("maxLength", 200),
                    s.getString("pattern") != null);
            default -> throw new IllegalStateException("no generator for " + s.encode());
        };
    }

    /** Code points (some outside the BMP: a length is counted in code points) within [min, max]. */
    private static String text(Random r, int min, int max, boolean alphanumeric) {
        int n = switch (r.nextInt(3)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + r.nextInt(Math.max(1, Math.min(max, 60) - min + 1));
        };
        String alnum = "ABCXYZabcxyz0189";
        String[] wide = {"a", "Đ", "ễ", "😀", "𠀋", " ", "-"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphanumeric ? String.valueOf(alnum.charAt(r.nextInt(alnum.length()))) : wide[r.nextInt(wide.length)]);
        }
        return b.toString();
    }

    // ---- one change at one place ----

    private static List<JsonObject> mutations(JsonObject body, Random r) {
        List<JsonObject> out = new ArrayList<>();
        mutate(body, schema, body, List.of(), r, out);
        out.add(body.copy().put("unexpected" + r.nextInt(10), true));
        return out;
    }

    private static void mutate(JsonObject root, JsonObject s, JsonObject here, List<String> path, Random r,
                               List<JsonObject> out) {
        s = resolve(s);
        List<Object> required = s.getJsonArray("required", new JsonArray()).getList();
        for (Map.Entry<String, Object> p : s.getJsonObject("properties")) {
            String key = p.getKey();
            JsonObject ps = resolve((JsonObject) p.getValue());
            List<String> at = new ArrayList<>(path);
            at.add(key);
            if (!here.containsKey(key)) {
                continue;
            }
            if (required.contains(key)) {
                out.add(with(root, at, null, true));
            }
            for (Object wrong : wrongValues(ps, here.getValue(key), r)) {
                out.add(with(root, at, wrong, false));
            }
            if ("object".equals(ps.getString("type"))) {
                out.add(with(root, at, here.getJsonObject(key).copy().put("extra", 1), false));
                mutate(root, ps, here.getJsonObject(key), at, r, out);
            }
        }
    }

    private static List<Object> wrongValues(JsonObject s, Object value, Random r) {
        List<Object> out = new ArrayList<>(List.of(true, new JsonArray().add(1)));
        out.add(null);
        switch (s.getString("type")) {
            case "string" -> {
                out.add(7);
                out.add(new JsonObject());
                String v = (String) value;
                int min = s.getInteger("minLength", 0);
                Integer max = s.getInteger("maxLength");
                if (min > 0) {
                    out.add(v.codePoints().limit(min - 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append).toString());
                }
                if (max != null) {
                    out.add(v + "😀".repeat(Math.max(1, max + 1 - v.codePointCount(0, v.length()))));
                    out.add(text(r, max, max, s.getString("pattern") != null));
                }
                if (s.containsKey("enum")) {
                    out.add(v.toUpperCase());
                    out.add(v + " ");
                }
                if (s.getString("pattern") != null) {
                    out.add(v.substring(0, v.length() - 1) + "-");
                }
                if ("uuid".equals(s.getString("format"))) {
                    out.add("g" + v.substring(1));
                    out.add(v.replace("-", "x"));
                    out.add(v.toUpperCase());
                }
            }
            case "integer" -> {
                out.add(String.valueOf(value));
                out.add(1.5);
                if (s.containsKey("minimum")) {
                    out.add(s.getLong("minimum") - 1);
                }
                if (s.containsKey("maximum")) {
                    out.add(s.getLong("maximum") + 1);
                    out.add(s.getLong("maximum"));
                }
            }
            case "object" -> {
                out.add("{}");
                out.add(new JsonObject());
            }
            case "array" -> {
                JsonArray a = (JsonArray) value;
                out.add(new JsonArray());
                JsonArray tooMany = new JsonArray();
                for (int i = 0; i <= s.getInteger("maxItems", 10); i++) {
                    tooMany.add(a.getValue(0));
                }
                out.add(tooMany);
                out.add(a.copy().add(new JsonObject()));
                out.add(a.copy().add(new JsonObject().put("name", "An").put("extra", 1)));
                out.add(a.copy().add(new JsonObject().put("name", "")));
            }
            default -> {
            }
        }
        return out;
    }

    /** A copy of {@code root} with the value at {@code path} replaced (or removed). */
    private static JsonObject with(JsonObject root, List<String> path, Object value, boolean remove) {
        JsonObject copy = root.copy();
        JsonObject at = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.getJsonObject(path.get(i));
        }
        String last = path.get(path.size() - 1);
        if (remove) {
            at.remove(last);
        } else {
            at.put(last, value);
        }
        return copy;
    }
}
