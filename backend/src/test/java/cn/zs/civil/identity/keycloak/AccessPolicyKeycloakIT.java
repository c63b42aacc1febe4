package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.zs.civil.support.Fixtures;

/**
 * The access policy of the embedded mode ({@code AccessPolicyIT}: every endpoint × every role), proven again with
 * real Keycloak tokens of the realm's demo users. The policy is read from that test, so both modes are held to one
 * declaration; that test also proves the declaration covers every endpoint.
 */
class AccessPolicyKeycloakIT extends KeycloakTestBase {

    static final Map<String, Set<String>> POLICY = declared("POLICY");
    static final Map<String, String> USER_OF_ROLE = declared("USER_OF_ROLE");
    static final Set<String> CALLERS = Set.of("anonymous", "applicant", "clerk", "chief", "director", "manager",
            "admin");

    @SuppressWarnings("unchecked")
    private static <T> T declared(String field) {
        try {
            Field f = Class.forName("cn.zs.civil.identity.AccessPolicyIT").getDeclaredField(field);
            f.setAccessible(true);
            return (T) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AccessPolicyIT." + field + " is the declared policy", e);
        }
    }

    /** A concrete path for a rule's pattern, as AccessPolicyIT calls it. */
    static String pathOf(String pattern) {
        String path = pattern.replaceAll("\\{year}", "2031").replaceAll("\\{[^}]+}", "no-such-thing");
        return path.endsWith("/deadline") ? path + "?from=2026-02-13&workingDays=20" : path;
    }

    @Test
    void everyRoleAndTheAnonymousCallerGetExactlyWhatThePolicyAllows() {
        assertThat(POLICY).hasSizeGreaterThan(20);
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Set<String>> rule : POLICY.entrySet()) {
            String[] parts = rule.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = pathOf(parts[1]);
            for (String role : CALLERS) {
                String user = role.equals("anonymous") ? null : USER_OF_ROLE.get(role);
                int status = path.equals("/api/attachments") ? upload(user, "policy.pdf", Fixtures.pdf()).status()
                        : call(user, method, path, method == HttpMethod.GET ? null : Map.of()).status();
                calls++;
                boolean allowed = rule.getValue().contains(role);
                int expectedRefusal = role.equals("anonymous") ? 401 : 403;
                if (allowed && (status == 401 || status == 403) || !allowed && status != expectedRefusal) {
                    violations.add(rule.getKey() + " as " + role + " (" + user + ") → " + status
                            + (allowed ? " (allowed)" : " (expected " + expectedRefusal + ")"));
                }
            }
        }
        assertThat(calls).isEqualTo(POLICY.size() * CALLERS.size());
        assertThat(violations).as("policy violations in " + calls + " calls with Keycloak tokens").isEmpty();
    }

    @Test
    void engineToolsAreForAdministratorsOnly() {
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-instance/count",
                "/camunda/app/cockpit/default/")) {
            assertThat(call(null, HttpMethod.GET, path, null).status()).as(path).isEqualTo(401);
            for (String user : List.of("zhangsan", "clerk-funeral", "chief", "director", "manager")) {
                assertThat(call(user, HttpMethod.GET, path, null).status()).as(path + " as " + user).isEqualTo(403);
            }
            assertThat(call("admin", HttpMethod.GET, path, null).status()).as(path + " as admin").isEqualTo(200);
        }
    }

    @Test
    void anApplicantCannotSeeAnotherApplicantsCaseNorStaffOutsideItsDistrict() {
        String file = upload("zhangsan", "a.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = upload("zhangsan", "b.pdf", Fixtures.pdf()).body().path("id").asText();
        var submitted = call("zhangsan", HttpMethod.POST, "/api/applications", Map.of("serviceCode",
                "funeral-fee-reimbursement", "data", Fixtures.reimbursement("shiqi", "李建国", Fixtures.LI_ID,
                        "SW4403002026011", "HZ440300202600457", file, invoice)));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String no = submitted.body().path("applicationNo").asText();
        assertThat(call("lisi", HttpMethod.GET, "/api/applications/" + no, null).status()).isEqualTo(404);
        assertThat(call("lisi", HttpMethod.POST, "/api/applications/" + no + "/withdraw", Map.of()).status())
                .isEqualTo(404);
        assertThat(call("lisi", HttpMethod.GET, "/api/attachments/" + file, null).status()).isEqualTo(404);
        assertThat(call("zhangsan", HttpMethod.GET, "/api/applications/" + no, null).status()).isEqualTo(200);
        // Districts come from the realm's /districts/* groups: Shiqi is 王芳's, not 陈明's (Xiaolan and around).
        assertThat(call("clerk-funeral-xl", HttpMethod.GET, "/api/applications/" + no, null).status()).isEqualTo(404);
        assertThat(call("clerk-funeral", HttpMethod.GET, "/api/applications/" + no, null).status()).isEqualTo(200);
        assertThat(call("chief", HttpMethod.GET, "/api/applications/" + no, null).status()).isEqualTo(200);
    }
}
