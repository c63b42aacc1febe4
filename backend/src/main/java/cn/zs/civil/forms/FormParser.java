package cn.zs.civil.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the parts of the form-js schema that the platform enforces on the server. */
final class FormParser {

    private final ObjectMapper json;

    FormParser(ObjectMapper json) {
        this.json = json;
    }

    FormDefinition parse(InputStream in) throws IOException {
        JsonNode root = json.readTree(in);
        String id = root.path("id").asText(null);
        if (id == null || !root.path("components").isArray()) {
            throw new IllegalArgumentException("Not a Camunda Form: missing id or components");
        }
        return new FormDefinition(id, root, fields(root.path("components")));
    }

    private List<FormField> fields(JsonNode components) {
        List<FormField> out = new ArrayList<>();
        for (JsonNode c : components) {
            out.add(field(c));
        }
        return List.copyOf(out);
    }

    private FormField field(JsonNode c) {
        String type = c.path("type").asText();
        JsonNode v = c.path("validate");
        Map<String, String> properties = new LinkedHashMap<>();
        c.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        List<FormField.Option> options = new ArrayList<>();
        for (JsonNode o : c.path("values")) {
            options.add(new FormField.Option(o.path("value").asText(), o.path("label").asText()));
        }
        if (c.has("valuesKey") || c.has("valuesExpression")) {
            throw new IllegalArgumentException("Field " + c.path("key").asText() + ": options must be static so the server can check them");
        }
        String key = "dynamiclist".equals(type) ? text(c, "path") : text(c, "key");
        if ("group".equals(type) && c.hasNonNull("path") && !c.path("path").asText().isBlank()) {
            throw new IllegalArgumentException("Group " + c.path("id").asText() + ": groups with a path are not supported");
        }
        String hide = c.path("conditional").path("hide").asText(null);
        return new FormField(key, type, text(c, "label"), properties.get("en"),
                v.path("required").asBoolean(false), decimal(v, "min"), decimal(v, "max"), integer(v, "minLength"),
                integer(v, "maxLength"), text(v, "pattern"), text(v, "validationType"),
                c.has("subtype") ? c.path("subtype").asText() : null,
                c.has("decimalDigits") ? c.path("decimalDigits").asInt() : null,
                c.path("multiple").asBoolean(false), List.copyOf(options), hide, text(c, "path"),
                c.has("components") ? fields(c.path("components")) : List.of(), Map.copyOf(properties));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.path(field).asText().isEmpty() ? n.path(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        return n.hasNonNull(field) && n.path(field).isNumber() ? n.path(field).decimalValue() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        return n.hasNonNull(field) && n.path(field).isNumber() ? n.path(field).asInt() : null;
    }
}
