package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A browser signs in through the backend: the platform sends it to Keycloak's login form, Keycloak sends it back
 * with a code, the platform keeps the session (in the shared database) and asks for the CSRF token on every change.
 * The redirects are followed one by one, as a browser does, with plain java.net.http.
 */
class BrowserSignInKeycloakIT extends KeycloakTestBase {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");

    /**
     * A cookie jar per host. Keycloak marks its login cookies Secure (SameSite=None); browsers keep and send them on
     * http://127.0.0.1 (a secure context), java.net.CookieManager does not, so this jar ignores the flag.
     */
    static final class CookieJar extends CookieHandler {
        private final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String header = cookies.values().stream().filter(c -> !c.hasExpired())
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie);
                            }
                        }
                    }
                }
            });
        }

        String value(String name) {
            HttpCookie cookie = cookies.get(name);
            return cookie == null ? null : cookie.getValue();
        }
    }

    /** A cookie-keeping browser that follows redirects itself, so each hop can be checked. */
    final class Browser {
        final CookieJar cookies = new CookieJar();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String url, String form, String contentType) {
            return send(HttpRequest.newBuilder(URI.create(absolute(url))).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Follows redirects (at most 10) and answers the last response. */
        HttpResponse<String> follow(HttpResponse<String> response) {
            for (int hop = 0; hop < 10 && response.statusCode() / 100 == 3; hop++) {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = get(URI.create(response.uri().toString()).resolve(location).toString());
            }
            return response;
        }

        /** From a page that needs sign-in to Keycloak's form, the user's credentials, and back to the platform. */
        HttpResponse<String> signIn(String startPath, String username) {
            HttpResponse<String> form = follow(get(startPath));
            assertThat(form.uri().toString()).as("Keycloak's login form").startsWith(keycloak.issuer());
            assertThat(form.statusCode()).isEqualTo(200);
            return follow(submitLogin(form, username, "demo"));
        }

        HttpResponse<String> submitLogin(HttpResponse<String> form, String username, String password) {
            Matcher action = FORM_ACTION.matcher(form.body());
            assertThat(action.find()).as("a login form in " + form.body()).isTrue();
            String url = action.group(1).replace("&amp;", "&");
            return post(url, "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=",
                    "application/x-www-form-urlencoded");
        }

        String cookie(String name) {
            return cookies.value(name);
        }

        HttpResponse<String> api(String method, String path, String jsonBody, boolean withCsrf) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(path)))
                    .header("Accept", "application/json")
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            if (withCsrf) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return send(request);
        }

        private String absolute(String url) {
            return url.startsWith("http") ? url : "http://127.0.0.1:" + port + url;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void signsInThroughKeycloakAndWorksWithTheSessionCookieAndCsrf() {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                .contains("client_id=civil-web").contains("code_challenge_method=S256");

        HttpResponse<String> wrong = browser.submitLogin(browser.follow(browser.get(authorize)), "zhangsan", "wrong");
        assertThat(wrong.statusCode()).as("Keycloak shows its form again").isEqualTo(200);
        assertThat(browser.api("GET", "/api/me", null, false).statusCode()).isEqualTo(401);

        HttpResponse<String> back = browser.follow(browser.submitLogin(wrong, "zhangsan", "demo"));
        assertThat(back.uri().toString()).startsWith("http://127.0.0.1:" + port + "/");
        assertThat(browser.cookie("SESSION")).as("the platform's session cookie").isNotNull();

        HttpResponse<String> me = browser.api("GET", "/api/me", null, false);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"zhangsan\"").contains("张三").contains("applicant");
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'zhangsan'",
                Integer.class)).as("the session is in the shared database").isPositive();

        // A change without the CSRF token is refused; with it, the request reaches validation (an empty form).
        assertThat(browser.api("POST", "/api/applications", "{}", false).statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = browser.api("POST", "/api/applications", "{}", true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(422);
        // The applicant's session opens no staff door.
        assertThat(browser.api("GET", "/api/tasks", null, false).statusCode()).isEqualTo(403);
    }

    @Test
    void theBrowserUiIsToldToRedirectAndTheAdvertisedAddressSignsInThroughKeycloak() {
        Browser browser = new Browser();
        HttpResponse<String> mode = browser.api("GET", "/api/public/sign-in", null, false);
        assertThat(mode.statusCode()).isEqualTo(200);
        assertThat(mode.body()).contains("\"mode\":\"redirect\"").contains("\"url\":\"/oauth2/authorization/keycloak\"");
        String url = mode.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> back = browser.signIn(url, "clerk-funeral");
        assertThat(back.uri().toString()).as("back on the platform").startsWith("http://127.0.0.1:" + port + "/");
        HttpResponse<String> me = browser.api("GET", "/api/me", null, false);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"clerk-funeral\"");

        // Signing out from the script: the platform session ends and the UI is told where Keycloak's logout is.
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
                .header("X-Requested-With", "XMLHttpRequest").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("\"redirect\":\"" + keycloak.issuer() + "/protocol/openid-connect/logout");
        assertThat(browser.api("GET", "/api/me", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorReachesCockpitThroughTheSameSignIn() {
        Browser browser = new Browser();
        HttpResponse<String> cockpit = browser.signIn("/camunda/app/cockpit/default/", "admin");
        assertThat(cockpit.uri().getPath()).startsWith("/camunda/app/cockpit");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(browser.api("GET", "/camunda/api/admin/auth/user/default", null, false).body())
                .contains("\"userId\":\"admin\"");

        Browser clerk = new Browser();
        clerk.signIn("/oauth2/authorization/keycloak", "clerk-funeral");
        assertThat(clerk.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void logoutEndsThePlatformSessionAndTheKeycloakSession() {
        Browser browser = new Browser();
        browser.signIn("/oauth2/authorization/keycloak", "chief");
        assertThat(browser.api("GET", "/api/me", null, false).statusCode()).isEqualTo(200);

        HttpResponse<String> withoutToken = browser.post("/logout", "", "application/x-www-form-urlencoded");
        assertThat(withoutToken.statusCode()).as("logout is CSRF-protected").isEqualTo(403);
        // The web UI echoes the XSRF-TOKEN cookie in the header, as for every other change.
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/logout")).header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> home = browser.follow(logout);
        assertThat(home.uri().toString()).startsWith("http://127.0.0.1:" + port + "/");

        assertThat(browser.api("GET", "/api/me", null, false).statusCode()).isEqualTo(401);
        // Keycloak forgot the user too: signing in again shows the form instead of coming straight back.
        HttpResponse<String> again = browser.follow(browser.get("/oauth2/authorization/keycloak"));
        assertThat(again.uri().toString()).startsWith(keycloak.issuer());
        assertThat(FORM_ACTION.matcher(again.body()).find()).isTrue();
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutAndAfterTheAbsoluteTimeout() {
        Browser idle = new Browser();
        idle.signIn("/oauth2/authorization/keycloak", "manager");
        assertThat(idle.api("GET", "/api/me", null, false).statusCode()).isEqualTo(200);
        // Last used 31 minutes ago (idle timeout 30 min).
        jdbc.update("update SPRING_SESSION set LAST_ACCESS_TIME = LAST_ACCESS_TIME - ? where PRINCIPAL_NAME = ?",
                Duration.ofMinutes(31).toMillis(), "manager");
        assertThat(idle.api("GET", "/api/me", null, false).statusCode()).isEqualTo(401);

        Browser busy = new Browser();
        busy.signIn("/oauth2/authorization/keycloak", "director");
        assertThat(busy.api("GET", "/api/me", null, false).statusCode()).isEqualTo(200);
        // Signed in 8 h 1 min ago but active a moment ago: the absolute timeout (8 h) ends it all the same.
        jdbc.update("update SPRING_SESSION set CREATION_TIME = CREATION_TIME - ? where PRINCIPAL_NAME = ?",
                Duration.ofHours(8).plusMinutes(1).toMillis(), "director");
        assertThat(busy.api("GET", "/api/me", null, false).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'director'",
                Integer.class)).as("the ended session is deleted").isZero();
    }
}
