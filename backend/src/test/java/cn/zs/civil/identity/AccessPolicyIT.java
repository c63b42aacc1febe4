package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/**
 * Every endpoint of the platform, enumerated from the running application, against a declared policy: who may
 * call it. A new endpoint without a declared rule fails this test, and so does an endpoint without
 * {@code @PreAuthorize}. Every role and the anonymous caller are tried on every endpoint.
 */
class AccessPolicyIT extends ApiTestBase {

    private static final Set<String> ALL_ROLES = Set.of("applicant", "clerk", "chief", "director", "manager", "admin");
    private static final Set<String> STAFF = Set.of("clerk", "chief", "director");
    private static final Set<String> APPLICANT_OR_STAFF = Set.of("applicant", "clerk", "chief", "director");
    private static final Set<String> PUBLIC = Set.of("anonymous", "applicant", "clerk", "chief", "director", "manager",
            "admin");
    private static final Map<String, String> USER_OF_ROLE = Map.of("applicant", "zhangsan", "clerk", "clerk-funeral",
            "chief", "chief", "director", "director", "manager", "manager", "admin", "admin");

    /** The declared policy: method and path pattern → roles allowed ("anonymous" for the public). */
    private static final Map<String, Set<String>> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("GET /api/services", PUBLIC);
        POLICY.put("GET /api/services/{code}", PUBLIC);
        POLICY.put("GET /api/services/districts", PUBLIC);
        POLICY.put("POST /api/public/track", PUBLIC);
        POLICY.put("GET /api/public/sign-in", PUBLIC);
        POLICY.put("GET /api/me", ALL_ROLES);
        POLICY.put("POST /api/applications", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/applications/mine", Set.of("applicant"));
        POLICY.put("GET /api/applications/{applicationNo}", APPLICANT_OR_STAFF);
        POLICY.put("POST /api/applications/{applicationNo}/corrections", Set.of("applicant"));
        POLICY.put("POST /api/applications/{applicationNo}/withdraw", Set.of("applicant"));
        POLICY.put("POST /api/applications/{applicationNo}/rating", Set.of("applicant"));
        POLICY.put("POST /api/applications/{applicationNo}/rating/counter-offer", STAFF);
        POLICY.put("GET /api/counter-device", STAFF);
        POLICY.put("POST /api/counter-device", STAFF);
        POLICY.put("DELETE /api/counter-device", STAFF);
        POLICY.put("POST /api/public/counter-device/claim", PUBLIC);
        POLICY.put("GET /api/public/counter-device", PUBLIC);
        POLICY.put("POST /api/public/counter-device/rating", PUBLIC);
        POLICY.put("POST /api/attachments", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/attachments/{id}", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/tasks", STAFF);
        POLICY.put("POST /api/tasks/next", STAFF);
        POLICY.put("GET /api/tasks/{taskId}", STAFF);
        POLICY.put("POST /api/tasks/{taskId}/claim", STAFF);
        POLICY.put("POST /api/tasks/{taskId}/unclaim", STAFF);
        POLICY.put("POST /api/tasks/{taskId}/complete", STAFF);
        POLICY.put("POST /api/tasks/{taskId}/corrections", STAFF);
        POLICY.put("POST /api/tasks/{taskId}/comments", STAFF);
        POLICY.put("POST /api/divorces/{applicationNo}/withdrawal", STAFF);
        POLICY.put("POST /api/divorces/{applicationNo}/appearance", STAFF);
        POLICY.put("GET /api/divorces/{applicationNo}", APPLICANT_OR_STAFF);
        // The marriage archive (R66, R73): staff by role, and the service answers 403 to staff outside the marriage
        // registrars' group; of this test's accounts only the chief (a registrar too) is in it.
        POLICY.put("POST /api/marriage-archive/queries", Set.of("chief"));
        POLICY.put("POST /api/marriage-archive/record-certificates", Set.of("chief"));
        POLICY.put("POST /api/marriage-archive/replacements", Set.of("chief"));
        POLICY.put("GET /api/marriage-archive/documents/{serialNo}/pdf", Set.of("chief"));
        POLICY.put("GET /api/cases/{applicationNo}/diagram", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/cases/{applicationNo}/policy-versions", STAFF);
        POLICY.put("GET /api/policy/decisions", Set.of("admin"));
        POLICY.put("GET /api/policy/decisions/{decisionKey}", Set.of("admin"));
        POLICY.put("GET /api/policy/changes", Set.of("admin"));
        POLICY.put("GET /api/policy/changes/{id}", Set.of("admin"));
        POLICY.put("POST /api/policy/changes", Set.of("admin"));
        POLICY.put("POST /api/policy/changes/{id}/approval", Set.of("admin"));
        POLICY.put("POST /api/policy/changes/{id}/rejection", Set.of("admin"));
        POLICY.put("GET /api/policy/parameters", Set.of("admin"));
        POLICY.put("POST /api/policy/parameter-changes", Set.of("admin"));
        POLICY.put("GET /api/cases/{applicationNo}/tasks", STAFF);
        POLICY.put("GET /api/registrar-qualifications", Set.of("chief"));
        POLICY.put("PUT /api/registrar-qualifications/{username}", Set.of("chief"));
        POLICY.put("GET /api/escalations", Set.of("chief", "director"));
        POLICY.put("GET /api/cases/{applicationNo}/extension", APPLICANT_OR_STAFF);
        POLICY.put("POST /api/cases/{applicationNo}/extension", STAFF);
        POLICY.put("POST /api/cases/{applicationNo}/extension/decision", Set.of("director"));
        POLICY.put("GET /api/extensions/waiting", Set.of("director"));
        POLICY.put("POST /api/escalations/{applicationNo}/acknowledge", Set.of("chief"));
        POLICY.put("GET /api/calendar/years", ALL_ROLES);
        POLICY.put("GET /api/calendar/years/{year}", ALL_ROLES);
        POLICY.put("PUT /api/calendar/years/{year}", Set.of("admin"));
        POLICY.put("GET /api/calendar/deadline", ALL_ROLES);
        POLICY.put("GET /api/calendar/today", ALL_ROLES);
        POLICY.put("GET /api/reports/annual", Set.of("manager", "director"));
        POLICY.put("GET /api/reports/throughput", Set.of("manager", "director"));
        POLICY.put("GET /api/reports/cycle-time", Set.of("manager", "director"));
        POLICY.put("GET /api/reports/sla", Set.of("manager", "director"));
        POLICY.put("POST /api/placename/name-check", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/placename/{applicationNo}/name-check", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/placename/{applicationNo}/announcement", APPLICANT_OR_STAFF);
        POLICY.put("POST /api/socialorg/name-check", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/socialorg/{applicationNo}/documents", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/socialorg/verifiers", STAFF);
        POLICY.put("GET /api/socialorg/serious-list", STAFF);
        POLICY.put("POST /api/socialorg/serious-list", Set.of("chief"));
        POLICY.put("POST /api/socialorg/serious-list/{id}/removal", Set.of("chief"));
        POLICY.put("GET /api/socialorg/abnormal-list", STAFF);
        POLICY.put("POST /api/socialorg/abnormal-list", STAFF);
        POLICY.put("POST /api/socialorg/abnormal-list/{id}/cure", STAFF);
        POLICY.put("POST /api/socialorg/abnormal-list/{id}/removal", STAFF);
        POLICY.put("POST /api/socialorg/annual-reports", STAFF);
        POLICY.put("GET /api/socialorg/annual-reports", STAFF);
        POLICY.put("GET /api/socialorg/organisations/{creditCode}/credit", STAFF);
        POLICY.put("POST /api/socialorg/organisations/{creditCode}/seal-and-account", STAFF);
        POLICY.put("GET /api/socialorg/seal-and-account/outstanding", STAFF);
        POLICY.put("POST /api/socialorg/organisations/{creditCode}/revocation", Set.of("director"));
        POLICY.put("GET /api/socialorg/revocation-watch", STAFF);
        POLICY.put("GET /api/applications/{applicationNo}/documents", APPLICANT_OR_STAFF);
        POLICY.put("GET /api/applications/{applicationNo}/documents/{kind}/pdf", APPLICANT_OR_STAFF);
        POLICY.put("POST /api/applications/{applicationNo}/documents/{kind}/revoke", Set.of("chief", "director"));
        POLICY.put("GET /api/public/documents/{token}", PUBLIC);
        POLICY.put("POST /api/public/documents/{token}/check", PUBLIC);
        POLICY.put("GET /api/reports/cycle-time/breakdown", Set.of("manager", "director"));
        POLICY.put("GET /api/reports/backlog", Set.of("manager", "director"));
        POLICY.put("GET /api/reports/quality", Set.of("manager", "director"));
        POLICY.put("GET /api/admin/audit", Set.of("admin"));
        POLICY.put("GET /api/admin/audit/verify", Set.of("admin"));
        POLICY.put("GET /api/public/appointments/options", PUBLIC);
        POLICY.put("GET /api/public/appointments/availability", PUBLIC);
        POLICY.put("POST /api/appointments", Set.of("applicant"));
        POLICY.put("GET /api/appointments/mine", Set.of("applicant"));
        POLICY.put("POST /api/appointments/{bookingNo}/cancel", Set.of("applicant"));
        POLICY.put("GET /api/appointments/schedule", Set.of("chief"));
        POLICY.put("PUT /api/appointments/schedule/capacity", Set.of("chief"));
        POLICY.put("POST /api/hall/{office}/check-in", STAFF);
        POLICY.put("POST /api/hall/{office}/walk-in", STAFF);
        POLICY.put("POST /api/hall/{office}/call", STAFF);
        POLICY.put("GET /api/hall/{office}/my-calls", STAFF);
        POLICY.put("POST /api/hall/tickets/{id}/recall", STAFF);
        POLICY.put("POST /api/hall/tickets/{id}/no-show", STAFF);
        POLICY.put("POST /api/hall/tickets/{id}/served", STAFF);
        POLICY.put("GET /api/public/hall/{office}/display", PUBLIC);
        POLICY.put("GET /api/public/ratings", PUBLIC);
        POLICY.put("GET /api/reports/hall", Set.of("manager", "director"));
        POLICY.put("GET /api/admin/outbox", Set.of("admin"));
        POLICY.put("POST /api/admin/outbox/{id}/retry", Set.of("admin"));
        POLICY.put("GET /api/me/notification-preferences", Set.of("applicant"));
        POLICY.put("PUT /api/me/notification-preferences", Set.of("applicant"));
        POLICY.put("GET /api/applications/{applicationNo}/notifications", APPLICANT_OR_STAFF);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Map<String, Method> platformEndpoints() {
        Map<String, Method> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("cn.zs.civil")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    endpoints.put(method.name() + " " + path, e.getValue().getMethod());
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointStatesWhoMayCallItAndIsInThePolicy() {
        Map<String, Method> endpoints = platformEndpoints();
        assertThat(endpoints).isNotEmpty();
        List<String> unannotated = new ArrayList<>();
        endpoints.forEach((endpoint, method) -> {
            if (method.getAnnotation(PreAuthorize.class) == null) {
                unannotated.add(endpoint);
            }
        });
        assertThat(unannotated).as("endpoints without @PreAuthorize").isEmpty();
        assertThat(new TreeSet<>(endpoints.keySet())).as("endpoints vs declared policy")
                .isEqualTo(new TreeSet<>(POLICY.keySet()));
    }

    @Test
    void everyRoleAndTheAnonymousCallerGetExactlyWhatThePolicyAllows() {
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Set<String>> rule : POLICY.entrySet()) {
            String[] parts = rule.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = parts[1].replaceAll("\\{year}", "2031").replaceAll("\\{[^}]+}", "no-such-thing");
            if (path.endsWith("/deadline")) {
                path += "?from=2026-02-13&workingDays=20";
            }
            for (String role : PUBLIC) {
                Api caller = role.equals("anonymous") ? api().anonymous() : api().as(USER_OF_ROLE.get(role));
                Object body = method == HttpMethod.GET ? null : Map.of();
                int status = path.equals("/api/attachments")
                        ? caller.upload("policy.pdf", cn.zs.civil.support.Fixtures.pdf()).status()
                        : caller.call(method, path, body, Map.of()).status();
                calls++;
                boolean allowed = rule.getValue().contains(role);
                boolean refused = status == 401 || status == 403;
                if (allowed == refused) {
                    violations.add(rule.getKey() + " as " + role + " → " + status);
                }
                if (!allowed && role.equals("anonymous") && status != 401) {
                    violations.add(rule.getKey() + " anonymous → " + status + " (expected 401)");
                }
                if (!allowed && !role.equals("anonymous") && status != 403) {
                    violations.add(rule.getKey() + " as " + role + " → " + status + " (expected 403)");
                }
            }
        }
        assertThat(violations).as("policy violations in " + calls + " calls").isEmpty();
    }

    @Test
    void engineToolsAreForAdministratorsOnly() {
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-instance/count",
                "/camunda/app/cockpit/default/")) {
            assertThat(api().anonymous().get(path).status()).as(path).isEqualTo(401);
            for (String user : List.of("zhangsan", "clerk-funeral", "chief", "director", "manager")) {
                assertThat(api().as(user).get(path).status()).as(path + " as " + user).isEqualTo(403);
            }
            assertThat(api().as("admin").get(path).status()).as(path + " as admin").isEqualTo(200);
        }
    }

    @Test
    void anApplicantCannotSeeOrTouchAnotherApplicantsCase() {
        Api owner = api().as("zhangsan");
        String file = owner.upload("a.pdf", cn.zs.civil.support.Fixtures.pdf()).body().path("id").asText();
        String invoice = owner.upload("b.pdf", cn.zs.civil.support.Fixtures.pdf()).body().path("id").asText();
        String no = owner.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data",
                cn.zs.civil.support.Fixtures.reimbursement("shiqi", "李建国", cn.zs.civil.support.Fixtures.LI_ID,
                        "SW4403002026010", "HZ440300202600456", file, invoice)))
                .body().path("applicationNo").asText();
        Api other = api().as("lisi");
        assertThat(other.get("/api/applications/" + no).status()).isEqualTo(404);
        assertThat(other.post("/api/applications/" + no + "/withdraw", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/api/applications/" + no + "/corrections", Map.of("data", Map.of())).status())
                .isEqualTo(404);
        assertThat(other.post("/api/applications/" + no + "/rating", Map.of("level", 1)).status()).isEqualTo(404);
        assertThat(other.get("/api/attachments/" + file).status()).isEqualTo(404);
        assertThat(other.get("/api/applications/mine").text()).doesNotContain(no);
        assertThat(owner.get("/api/applications/" + no).status()).isEqualTo(200);
        // Staff outside the case's district see nothing either.
        assertThat(api().as("clerk-funeral-xl").get("/api/applications/" + no).status()).isEqualTo(404);
        assertThat(api().as("clerk-funeral").get("/api/applications/" + no).status()).isEqualTo(200);
    }

    @Test
    void theBrowserUiIsToldToUseThePlatformsSignInForm() {
        Api.Response mode = api().anonymous().get("/api/public/sign-in");
        assertThat(mode.status()).isEqualTo(200);
        assertThat(mode.body().path("mode").asText()).isEqualTo("form");
        assertThat(mode.body().path("url").asText()).isEqualTo("/login");
    }
}
