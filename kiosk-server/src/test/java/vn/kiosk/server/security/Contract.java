package vn.kiosk.server.security;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of openapi.yaml with what each one reads: its parameters and every leaf field of its JSON
 * body (nested objects and array items included), so that a test can feed each of them a hostile value.
 */
final class Contract {
    record Param(String name, String in, Map<String, Object> schema) {
    }

    /** {@code path} holds object keys (String) and array indexes (Integer). */
    record Field(List<Object> path, Map<String, Object> schema) {
        String pointer() {
            StringBuilder b = new StringBuilder();
            for (Object p : path) {
                b.append('/').append(p);
            }
            return b.toString();
        }
    }

    record Operation(String id, String method, String path, List<Param> params, boolean jsonBody, List<Field> fields) {
    }

    private final Map<String, Object> doc;

    @SuppressWarnings("unchecked")
    private Contract() {
        try (InputStream in = Contract.class.getResourceAsStream("/openapi.yaml")) {
            doc = new Yaml().load(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        Contract c = new Contract();
        List<Operation> ops = new ArrayList<>();
        ((Map<String, Map<String, Object>>) c.doc.get("paths")).forEach((path, item) -> {
            List<Object> shared = (List<Object>) item.getOrDefault("parameters", List.of());
            item.forEach((method, value) -> {
                if (!(value instanceof Map<?, ?> op) || op.get("operationId") == null) {
                    return;
                }
                List<Param> params = new ArrayList<>();
                for (Object p : concat(shared, (List<Object>) op.get("parameters"))) {
                    Map<String, Object> param = c.resolve((Map<String, Object>) p);
                    params.add(new Param((String) param.get("name"), (String) param.get("in"),
                            c.resolve((Map<String, Object>) param.get("schema"))));
                }
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                Map<String, Object> content = body == null ? Map.of() : (Map<String, Object>) body.get("content");
                Map<String, Object> json = (Map<String, Object>) content.get("application/json");
                List<Field> fields = new ArrayList<>();
                if (json != null) {
                    c.leaves(c.resolve((Map<String, Object>) json.get("schema")), new ArrayList<>(), fields);
                }
                ops.add(new Operation((String) op.get("operationId"), method.toUpperCase(), path, params,
                        json != null, fields));
            });
        });
        return ops;
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        if (b != null) {
            out.addAll(b);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void leaves(Map<String, Object> schema, List<Object> at, List<Field> out) {
        if (schema.containsKey("oneOf")) {
            schema = resolve((Map<String, Object>) ((List<Object>) schema.get("oneOf")).get(0));
        }
        String type = type(schema);
        if ("object".equals(type)) {
            Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            props.forEach((name, sub) -> {
                List<Object> next = new ArrayList<>(at);
                next.add(name);
                leaves(resolve((Map<String, Object>) sub), next, out);
            });
        } else if ("array".equals(type)) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            leaves(resolve((Map<String, Object>) schema.get("items")), next, out);
        } else {
            out.add(new Field(at, schema));
        }
    }

    /** The schema's type; of {@code [integer, "null"]} the one that is not null. */
    @SuppressWarnings("unchecked")
    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> list) {
            return (String) ((List<Object>) list).stream().filter(t -> !"null".equals(t)).findFirst().orElse("null");
        }
        return type == null && schema.containsKey("properties") ? "object" : (String) type;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node == null ? null : node.get("$ref");
        if (ref == null) {
            return node == null ? Map.of() : node;
        }
        Object at = doc;
        for (String part : ((String) ref).substring(2).split("/")) {
            at = ((Map<String, Object>) at).get(part);
        }
        return resolve((Map<String, Object>) at);
    }
}
