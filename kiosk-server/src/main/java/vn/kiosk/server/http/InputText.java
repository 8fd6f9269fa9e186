package vn.kiosk.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.InputTrustHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text a request carries, checked once for every route before any handler reads it: the path, the query
 * string and a JSON body must be strict UTF-8 (no overlong or surrogate forms, which lenient decoders turn
 * into other characters: C0 AF into "/"), a JSON body declares no charset but UTF-8 (so no UTF-16 or UTF-32,
 * which JSON parsers would otherwise guess from the first bytes), and none of it holds a NUL, raw or as
 * {@code \u0000}, nor a lone UTF-16 surrogate escape: PostgreSQL text cannot store a NUL and Java would store a
 * lone surrogate as "?". Refused with 400 (415 for a charset), before anything is read or stored.
 */
public final class InputText implements InputTrustHandler {

    @Override
    public void handle(RoutingContext ctx) {
        try {
            check(ctx);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ctx.next();
    }

    private static void check(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path != null && path.indexOf('%') >= 0) {
            text(percentDecoded(path, false, "path"), "path");
        }
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = percentDecoded(eq < 0 ? pair : pair.substring(0, eq), true, "query");
                text(name, "query");
                if (eq >= 0) {
                    text(percentDecoded(pair.substring(eq + 1), true, name), name);
                }
            }
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        String type = ctx.request().getHeader("Content-Type");
        if (body != null && body.length() > 0 && type != null && isJson(type)) {
            charset(type);
            json(strictUtf8(body.getBytes(), "body"));
        }
    }

    private static boolean isJson(String type) {
        String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static void charset(String type) {
        for (String param : type.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                String value = kv[1].strip().replace("\"", "");
                if (!value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                    throw ApiException.of(415, "unsupported-charset", "Unsupported media type",
                            "Send JSON in UTF-8 (charset " + value.replaceAll("[^A-Za-z0-9_.:-]", "?")
                                    + " is not accepted)");
                }
            }
        }
    }

    /** %XX decoded to bytes, then read as strict UTF-8; {@code plus}: '+' is a space (query strings). */
    private static String percentDecoded(String raw, boolean plus, String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    throw invalid("invalid-encoding", "a '%' not followed by two hex digits", field);
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plus) {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c); // the request line's bytes, one char each
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return strictUtf8(bytes.toByteArray(), field);
    }

    private static String strictUtf8(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("invalid-encoding", "not valid UTF-8 (send text as UTF-8, without overlong forms)", field);
        }
    }

    private static void text(String value, String field) {
        if (value.indexOf('\0') >= 0) {
            throw invalid("nul-character", "contains a NUL character", field);
        }
    }

    /**
     * A raw NUL, or a {@code \u0000} or lone-surrogate escape inside a JSON string (an escaped backslash is
     * skipped, so {@code \\u0000} is the six characters it spells). Only a refused body is parsed, to name the field.
     */
    private static void json(String text) {
        boolean highPending = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String wrong = null;
            if (c == '\0') {
                wrong = "contains a NUL character";
            } else if (c == '\\' && i + 1 < text.length()) {
                int u = text.charAt(i + 1) == 'u' && i + 5 < text.length() ? hex4(text, i + 2) : -1;
                if (u == 0) {
                    wrong = "contains a NUL character";
                } else if (highPending && !Character.isLowSurrogate((char) u)
                        || !highPending && u >= 0 && Character.isLowSurrogate((char) u)) {
                    wrong = "contains a lone UTF-16 surrogate";
                }
                highPending = u >= 0 && Character.isHighSurrogate((char) u);
                i += u >= 0 ? 5 : 1;
            } else if (highPending) {
                wrong = "contains a lone UTF-16 surrogate";
            }
            if (wrong != null) {
                ApiException e = invalid(c == '\0' || wrong.contains("NUL") ? "nul-character" : "invalid-encoding",
                        wrong, null);
                String field = fieldOf(text);
                throw field == null ? e : e.with("field", field);
            }
        }
        if (highPending) {
            throw invalid("invalid-encoding", "contains a lone UTF-16 surrogate", null);
        }
    }

    private static int hex4(String text, int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The dotted path of the first key or string with a NUL or lone surrogate, e.g. "visitor.name". */
    private static String fieldOf(String text) {
        try {
            return bad(Json.decodeValue(text), "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String bad(Object value, String at) {
        if (value instanceof String s) {
            return isBad(s) ? at : null;
        }
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, Object> e : o) {
                String key = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                String found = isBad(e.getKey()) ? key : bad(e.getValue(), key);
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String found = bad(a.getValue(i), at + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isBad(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static ApiException invalid(String type, String what, String field) {
        ApiException e = ApiException.badRequest(type, (field == null ? "The request" : field) + " " + what);
        return field == null ? e : e.with("field", field);
    }
}
