package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.ApiTestBase;

/**
 * The published OpenAPI document is a contract an integrator's tools can rely on. Also writes it to
 * {@code target/openapi.json}, which .ci/openapi-lint.sh checks with Redocly's recommended rules.
 */
class OpenApiContractIT extends ApiTestBase {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void documentsEveryOperationWithStableIdsProblemsAndSecurity() throws Exception {
        var docs = api().anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), docs.text());
        JsonNode api = docs.body();

        assertThat(api.path("info").path("title").asText()).contains("政务审批平台").doesNotContain("OpenAPI definition");
        assertThat(api.path("info").path("version").asText()).isNotIn("", "v0");
        assertThat(api.path("components").path("securitySchemes").fieldNames()).toIterable()
                .contains("basicAuth", "bearerAuth", "session");

        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(api.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asText();
                if (!ids.add(id) || id.matches(".*_\\d+$")) {
                    problems.add(where + ": operation id " + id + " not unique or generated");
                }
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(where + ": no summary");
                }
                JsonNode responses = operation.path("responses");
                if (!responses.has("503")
                        || !responses.path("503").path("content").has("application/problem+json")) {
                    problems.add(where + ": no problem+json 503");
                }
                boolean open = path.getKey().startsWith("/api/public/") || path.getKey().startsWith("/api/services");
                if (!open && !responses.has("401")) {
                    problems.add(where + ": no 401");
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    problems.add(where + ": names something but no 404");
                }
                for (Map.Entry<String, JsonNode> response : iterable(responses)) {
                    if (response.getValue().path("content").has("*/*")) {
                        problems.add(where + ": " + response.getKey() + " answers */*");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(ids).hasSizeGreaterThan(40);

        JsonNode next = api.path("paths").path("/api/tasks/next").path("post").path("responses");
        assertThat(next.has("204")).as("next case: 204 when the queue is empty").isTrue();
        JsonNode submit = api.path("paths").path("/api/applications").path("post").path("responses");
        assertThat(submit.path("422").path("content").path("application/problem+json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        JsonNode tracking = firstOperation(api, "/api/public/");
        assertThat(tracking.path("security").isArray() && tracking.path("security").isEmpty()).isTrue();
    }

    private static JsonNode firstOperation(JsonNode api, String prefix) {
        for (Map.Entry<String, JsonNode> path : iterable(api.path("paths"))) {
            if (path.getKey().startsWith(prefix)) {
                return path.getValue().elements().next();
            }
        }
        throw new AssertionError("no path under " + prefix);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
