package cn.zs.civil.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.identity.EngineRoutes;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The engine is hardened: no Java serialization of variables, no deployment except the packaged models, query
 * limits on its REST API, user input never evaluated as an expression, and security headers and cookies on every
 * response.
 */
class EngineHardeningIT extends ApiTestBase {

    private static final String EL = "${execution.setVariable('pwned', 1)}";
    private static final String DEFERRED = "#{runtimeService.deleteProcessInstance('x','y')}";

    @Autowired
    private ProcessEngine engine;

    private String submitted(String funeralHome, String bankName) {
        Api applicant = api().as("zhangsan");
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        Map<String, Object> data = Fixtures.reimbursement("wuguishan", "何丽珍", Fixtures.HE_ID, "SW4420002026123",
                "HZ442000202600123", file, invoice);
        data.put("funeralHome", funeralHome);
        data.put("bankName", bankName);
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    @Test
    void javaSerializationOfVariablesIsOff() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(config.getDefaultSerializationFormat()).isEqualTo("application/json");

        String no = submitted("中山市殡仪馆", "中国银行");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
        // A serialized java.lang.String "abc", set by an administrator through the REST API: refused.
        Api.Response r = api().as("admin").post("/engine-rest/process-instance/" + instance + "/variables",
                Map.of("modifications", Map.of("smuggled", Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object",
                        "valueInfo", Map.of("objectTypeName", "java.lang.String",
                                "serializationDataFormat", "application/x-java-serialized-object")))));
        assertThat(r.status()).as(r.toString()).isGreaterThanOrEqualTo(400);
        assertThat(runtime.getVariable(instance, "smuggled")).isNull();
        assertThat(count("select count(*) from ACT_RU_VARIABLE where TYPE_ = 'serializable'")).isZero();
        assertThat(count("select count(*) from ACT_HI_VARINST where VAR_TYPE_ = 'serializable'")).isZero();
    }

    @Test
    void nobodyDeploysThroughTheEnginesApiNotEvenAnAdministrator() {
        Api admin = api().as("admin");
        int deployments = count("select count(*) from ACT_RE_DEPLOYMENT");
        String existing = jdbc.queryForObject("select ID_ from ACT_RE_DEPLOYMENT order by DEPLOY_TIME_ desc limit 1",
                String.class);
        List<String[]> attempts = List.of(
                new String[] {"POST", "/engine-rest/deployment/create"},
                new String[] {"POST", "/engine-rest/deployment/create/"},
                new String[] {"POST", "/engine-rest/engine/default/deployment/create"},
                new String[] {"POST", "/engine-rest/deployment/" + existing + "/redeploy"},
                new String[] {"DELETE", "/engine-rest/deployment/" + existing + "?cascade=true"},
                new String[] {"POST", "/camunda/api/engine/engine/default/deployment/create"},
                new String[] {"DELETE", "/camunda/api/engine/engine/default/deployment/" + existing});
        for (String[] a : attempts) {
            Api.Response r = admin.call(HttpMethod.valueOf(a[0]), a[1], Map.of(), Map.of());
            assertThat(r.status()).as(a[0] + " " + a[1] + " → " + r).isEqualTo(403);
        }
        assertThat(count("select count(*) from ACT_RE_DEPLOYMENT")).isEqualTo(deployments);
        // Reading deployments stays possible.
        assertThat(admin.get("/engine-rest/deployment?maxResults=10").status()).isEqualTo(200);
        System.out.printf("[engine] %d deployment-changing calls as admin: all 403, deployments unchanged (%d)%n",
                attempts.size(), deployments);
    }

    /**
     * Every changing route of Camunda's REST API, as its JAX-RS annotations declare them, is refused for an
     * administrator under all three mounts, except operating jobs and incidents; every read still answers.
     */
    @Test
    void nothingDecidesAroundThePlatformThroughTheEnginesApiNotEvenAnAdministrator() {
        String no = submitted("中山市殡仪馆", "中国银行");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        List<EngineRoutes.Route> routes = EngineRoutes.all();
        // The walk over the annotations finds the whole API, the issue's routes among them.
        assertThat(routes).hasSizeGreaterThan(450);
        assertThat(routes).extracting(r -> r.method() + " " + r.template()).contains("POST /task/{id}/complete",
                "POST /task/{id}/submit-form", "POST /process-definition/key/{key}/start", "POST /message",
                "POST /signal", "PUT /process-instance/{id}/variables/{varId}", "POST /process-instance/{id}/modification",
                "POST /migration/execute", "POST /deployment/create", "POST /decision-definition/{id}/evaluate",
                "GET /task/{id}", "POST /task");
        String[] state = {"ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_RE_DEPLOYMENT",
                "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_JOB", "ACT_ID_USER", "ACT_RU_AUTHORIZATION"};
        Map<String, Integer> before = new java.util.LinkedHashMap<>();
        for (String table : state) {
            before.put(table, count("select count(*) from " + table));
        }
        Api admin = api().as("admin");
        // The issue's attack: a funeral case ended PAID with 99,999.50 yuan by completing its task through the API.
        Api.Response complete = admin.post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("waiverAmount", Map.of("value", 99999.5), "decision", Map.of("value", "approve"))));
        assertThat(complete.status()).as(complete.toString()).isEqualTo(403);
        assertThat(complete.body().path("code").asText()).isEqualTo("engine.changeRefused");

        int refused = 0;
        int operations = 0;
        int reads = 0;
        for (EngineRoutes.Route route : routes) {
            String path = route.template().replace("{key}", "funeral-fee-reimbursement").replace("{varId}", "waiverAmount")
                    .replace("{id}", route.template().startsWith("/task") ? task
                            : route.template().startsWith("/process-instance") || route.template().startsWith("/execution")
                                    ? instance : "x")
                    .replaceAll("\\{[^}]+}", "x");
            boolean mutating = !List.of("GET", "HEAD", "OPTIONS").contains(route.method())
                    && !route.resource().contains("#query");
            if (mutating && !EngineRoutes.OPERATIONS.contains(route.resource())) {
                for (String mount : List.of("/engine-rest", "/engine-rest/engine/default", "/camunda/api/engine/engine/default")) {
                    Api.Response r = admin.call(HttpMethod.valueOf(route.method()), mount + path, Map.of(), Map.of());
                    assertThat(r.status()).as(route + " at " + mount + " → " + r).isEqualTo(403);
                    assertThat(r.body().path("code").asText()).isEqualTo("engine.changeRefused");
                    refused++;
                }
            } else if (mutating) {
                // Operating jobs and incidents: let through (these ids do not exist, so the engine answers itself).
                Api.Response r = admin.call(HttpMethod.valueOf(route.method()), "/engine-rest" + path, Map.of(), Map.of());
                assertThat(r.status()).as(route + " → " + r).isNotEqualTo(403);
                operations++;
            } else if (!"OPTIONS".equals(route.method()) && !"HEAD".equals(route.method())) {
                Api.Response r = admin.call(HttpMethod.valueOf(route.method()), "/engine-rest" + path
                        + (route.method().equals("GET") ? "?maxResults=5" : ""), route.method().equals("GET") ? null : Map.of(),
                        Map.of());
                assertThat(r.status()).as(route + " → " + r).isNotEqualTo(403);
                reads++;
            }
        }
        for (String table : state) {
            assertThat(count("select count(*) from " + table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
        // Reads still work, through both APIs.
        assertThat(admin.get("/engine-rest/task/" + task).status()).isEqualTo(200);
        assertThat(admin.post("/engine-rest/process-instance/count", Map.of()).body().path("count").asInt()).isPositive();
        assertThat(admin.get("/engine-rest/process-instance/" + instance + "/variables").status()).isEqualTo(200);
        assertThat(admin.get("/camunda/api/engine/engine/default/task/" + task).status()).isEqualTo(200);
        System.out.printf("[engine] %d changing calls as admin (%d routes × 3 mounts): all 403, engine tables unchanged;"
                + " %d job/incident operations let through; %d reads answered%n", refused, refused / 3, operations, reads);
    }

    @Test
    void theEnginesRestApiLimitsQueryResults() {
        Api admin = api().as("admin");
        assertThat(admin.get("/engine-rest/history/variable-instance?maxResults=5000").status()).isEqualTo(400);
        assertThat(admin.get("/engine-rest/history/variable-instance").status()).isEqualTo(400);
        assertThat(admin.get("/engine-rest/history/variable-instance?firstResult=0&maxResults=50").status()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/process-instance/count").status()).isEqualTo(200);
        // The platform's own lists cap their page size.
        assertThat(api().as("zhangsan").get("/api/applications/mine?size=100000").body().path("size").asInt())
                .isLessThanOrEqualTo(100);
        assertThat(api().as("admin").get("/api/admin/audit?limit=100000").body().path("items").size())
                .isLessThanOrEqualTo(500);
    }

    @Test
    void expressionsTypedIntoFormsStayInertText() {
        String no = submitted(EL, DEFERRED);
        JsonNode data = api().as("zhangsan").get("/api/applications/" + no).body().path("data");
        assertThat(data.path("funeralHome").asText()).isEqualTo(EL);
        assertThat(data.path("bankName").asText()).isEqualTo(DEFERRED);
        Api clerk = api().as("clerk-funeral");
        String task = taskOf(clerk, no);
        assertThat(task).isNotNull();
        // A clerk's free text too: a correction notice with an expression in it.
        assertThat(clerk.post("/api/tasks/" + task + "/corrections", Map.of("items", List.of(Map.of("description", EL)),
                "note", DEFERRED)).status()).isEqualTo(204);
        runJobs(no);
        assertThat(count("select count(*) from ACT_HI_VARINST where NAME_ = 'pwned'")).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isEqualTo(1);
        assertThat(api().as("zhangsan").get("/api/applications/" + no).body().path("correctionNotice").toString())
                .contains("${execution.setVariable").contains("#{runtimeService");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        Api anyone = api().anonymous();
        for (String path : List.of("/api/services", "/api/me", "/swagger-ui/index.html", "/v3/api-docs", "/track",
                "/no-such-page")) {
            Api.Response r = anyone.get(path);
            assertThat(r.entity().getHeaders().get("Content-Security-Policy")).as(path).hasSize(1);
            assertThat(r.header("Content-Security-Policy")).as(path).contains("default-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            // Plain HTTP: no HSTS (it would pin a host that has no TLS).
            assertThat(r.header("Strict-Transport-Security")).as(path).isNull();
        }
        // Camunda's webapps send their own policy (with a script nonce); ours must not be added on top.
        Api.Response cockpit = api().as("admin").get("/camunda/app/cockpit/default/");
        assertThat(cockpit.status()).isEqualTo(200);
        assertThat(cockpit.entity().getHeaders().get("Content-Security-Policy")).hasSize(1);
        assertThat(cockpit.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(cockpit.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Api.Response engineRest = api().as("admin").get("/engine-rest/engine");
        assertThat(engineRest.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(engineRest.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void behindTlsResponsesCarryHstsAndCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        // The CSRF cookie: readable by the SPA by design, but Secure and SameSite behind TLS.
        String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        assertThat(csrfCookie).contains("Secure", "SameSite=Lax");
        String session = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .toList());
        String form = "username=zhangsan&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String sessionCookie = cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("Secure", "HttpOnly", "SameSite=Lax");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                .header("X-Forwarded-Proto", "https").header("Cookie", sessionCookie.split(";")[0]).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
    }
}
