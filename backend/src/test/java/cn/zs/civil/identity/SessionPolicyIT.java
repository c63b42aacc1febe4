package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Browser;

/** Sessions are made at sign-in only, and an account holds a bounded number of them. */
class SessionPolicyIT extends ApiTestBase {

    private int sessions() {
        return count("select count(*) from SPRING_SESSION");
    }

    @Test
    void anonymousAndTokenCallsLeaveNoSession() throws Exception {
        int before = sessions();
        HttpClient anonymous = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/api/me", "/api/applications/mine", "/api/tasks", "/api/services",
                "/api/public/sign-in", "/engine-rest/engine", "/camunda/api/engine/engine/default/task",
                "/actuator/health")) {
            answers.add(anonymous.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        answers.add(anonymous.send(HttpRequest.newBuilder(URI.create(base + "/api/public/track"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"applicationNo\":\"X\",\"queryCode\":\"Y\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        answers.add(anonymous.send(HttpRequest.newBuilder(URI.create(base + "/api/applications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().allValues("Set-Cookie")).as(answer.uri().toString())
                    .noneMatch(c -> c.startsWith("SESSION="));
        }
        // HTTP Basic: signed in for the request only.
        Api applicant = api().as("zhangsan");
        for (int i = 0; i < 5; i++) {
            assertThat(applicant.get("/api/me").status()).isEqualTo(200);
        }
        assertThat(applicant.get("/api/me").entity().getHeaders().getOrEmpty("Set-Cookie"))
                .noneMatch(c -> c.startsWith("SESSION="));
        assertThat(sessions()).isEqualTo(before);
        System.out.printf("[sessions] %d anonymous and 6 Basic calls: no session made (%d rows before and after)%n",
                answers.size(), before);
    }

    @Test
    void aSignInMakesTheSessionAndAnAccountHoldsAtMostThree() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser browser = new Browser(port);
            assertThat(browser.signIn("lisi", "demo").statusCode()).isEqualTo(302);
            assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
            browsers.add(browser);
        }
        // The fourth sign-in ended the oldest session: its next call is a 401, the three others work.
        assertThat(count("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'lisi'")).isEqualTo(3);
        HttpResponse<String> oldest = browsers.get(0).get("/api/me");
        assertThat(oldest.statusCode()).isEqualTo(401);
        for (Browser browser : browsers.subList(1, 4)) {
            assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        }
        assertThat(count("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'lisi'")).isLessThanOrEqualTo(3);
        System.out.println("[sessions] 4 sign-ins of one account: the oldest ended (401), 3 sessions left");
    }
}
