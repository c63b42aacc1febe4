package cn.zs.civil.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Browser;

/** The smaller findings: actuator access, CSRF beside a session, malformed paths, 4-byte ids. */
class EdgeCasesIT extends ApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> raw(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theActuatorBeyondHealthIsForAdministratorsOrTheScrapeToken() throws Exception {
        assertThat(raw("/actuator/health", Map.of()).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/no-such-endpoint")) {
            HttpResponse<String> anonymous = raw(path, Map.of("X-Requested-With", "XMLHttpRequest"));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(api().as("chief").get(path).status()).as(path).isEqualTo(403);
            assertThat(raw(path, Map.of("X-Scrape-Token", "a-wrong-token-of-some-length")).statusCode()).as(path)
                    .isEqualTo(401);
        }
        assertThat(api().as("admin").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(raw("/actuator/metrics", Map.of("X-Scrape-Token", "integration-test-scrape-token")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequestOfferingASessionNeedsTheCsrfTokenWhateverAuthorizationItCarries() throws Exception {
        Browser browser = new Browser(port);
        assertThat(browser.signIn("zhangsan", "demo").statusCode()).isEqualTo(302);
        String session = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow().toString();
        String basic = "Basic " + Base64.getEncoder().encodeToString("zhangsan:demo".getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of("Foo bar", "Bearer not-a-token", basic)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/applications")).header("Cookie", session).header("Authorization", authorization)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(authorization).isIn(401, 403);
        }
        // Credentials without a session: no CSRF token needed (nothing another site could make a browser send).
        Api.Response apiClient = api().as("zhangsan").post("/api/applications", Map.of());
        assertThat(apiClient.status()).isEqualTo(422);
    }

    @Test
    void malformedPathsAndFourByteIdsAreClientErrorsNot500() throws Exception {
        for (String path : List.of("/engine-rest;x=y/engine", "/engine-rest/engine;x=y", "/api;x=y/me",
                "/camunda;jsessionid=1/app/", "/api/tasks/%F0%A0%AE%B7", "/engine-rest/task/%F0%A0%AE%B7",
                "/api/tasks/" + URLEncoder.encode("𠮷", StandardCharsets.UTF_8) + "/claim")) {
            HttpResponse<String> anonymous = raw(path, Map.of());
            assertThat(anonymous.statusCode()).as(path).isBetween(400, 499);
        }
        // Signed in: a task id with a 4-byte character is "not found" before any query reaches the engine's tables.
        assertThat(api().as("chief").get("/api/tasks/" + "𠮷").status()).isEqualTo(404);
        assertThat(api().as("chief").call(HttpMethod.POST, "/api/tasks/𠮷/claim", null, Map.of()).status())
                .isEqualTo(404);
        Api.Response engine = api().as("admin").get("/engine-rest/task/𠮷");
        assertThat(engine.status()).isEqualTo(400);
        assertThat(api().as("admin").get("/engine-rest/task?name=" + "𠮷林").status()).isEqualTo(400);
    }
}
