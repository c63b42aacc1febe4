package cn.zs.civil.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A deployed Camunda Form: its id, the raw schema (served to the UI) and the parsed fields (used to validate). */
public record FormDefinition(String id, JsonNode schema, List<FormField> fields) {

    static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist");
    static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "spacer", "separator", "image", "button",
            "expression", "table", "iframe", "documentPreview");

    /** Every value-holding field, containers flattened (dynamic lists are kept as one field with children). */
    public List<FormField> valueFields() {
        List<FormField> out = new ArrayList<>();
        collect(fields, out);
        return out;
    }

    private static void collect(List<FormField> fields, List<FormField> out) {
        for (FormField f : fields) {
            if ("group".equals(f.type())) {
                collect(f.children(), out);
            } else if ("dynamiclist".equals(f.type()) || f.holdsValue()) {
                out.add(f);
            }
        }
    }
}
