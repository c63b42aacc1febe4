package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.ApiTestBase;

/** A browser signs in with the form, works with its session cookie, and must echo the CSRF token on every change. */
class BrowserSessionIT extends ApiTestBase {

    @Test
    void formLoginGivesASessionAndChangesNeedTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;

        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("login page with a CSRF field").isTrue();

        String form = "username=zhangsan&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"zhangsan\"");
        // The session lives in the database, so another node of a cluster serves it too.
        assertThat(count("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'zhangsan'")).isPositive();

        HttpRequest.Builder change = HttpRequest.newBuilder(URI.create(base + "/api/applications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(browser.send(change.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> withToken = browser.send(change.header("X-XSRF-TOKEN", xsrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(422);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(api().call(org.springframework.http.HttpMethod.GET, "/api/me", null,
                java.util.Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("zhangsan:wrong".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(401);
    }
}
