package cn.zs.civil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session as the web UI holds it: the login page's CSRF field, the form post, and the cookies it keeps
 * (the session cookie and the XSRF token). Calls made with it authenticate by the session, not by a password each
 * time.
 */
final class BrowserSession {

    final Map<String, String> cookies = new LinkedHashMap<>();

    /** Form login as {@code user} (password "demo") on the node at {@code base}; asserts that it succeeded. */
    static BrowserSession signIn(HttpClient http, String base, String user) throws IOException, InterruptedException {
        BrowserSession session = new BrowserSession();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        session.keep(page);
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("login page with its CSRF field").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        session.keep(login);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    /** Keeps the cookies an answer sets. */
    void keep(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    String xsrfToken() {
        return cookies.getOrDefault("XSRF-TOKEN", "");
    }
}
