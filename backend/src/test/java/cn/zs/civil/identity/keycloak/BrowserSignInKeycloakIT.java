package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A browser signs in through the backend: the platform sends it to Keycloak's login form, Keycloak sends it back
 * with a code, the platform keeps the session (in the shared database) and asks for the CSRF token on every change.
 * The redirects are followed one by one, as a browser does, with plain java.net.http.
 */
class BrowserSignInKeycloakIT extends KeycloakTestBase {

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
