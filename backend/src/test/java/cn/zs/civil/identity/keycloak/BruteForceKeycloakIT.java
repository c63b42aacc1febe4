package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The realm's brute-force protection, through the real sign-in: a user whose password is guessed wrong as often as
 * the realm allows is disabled for a while, the right password included, and the sign-in page says so in plain
 * Chinese, never with an error code. A user of its own, so that the rest of the suite signs in as before.
 */
class BruteForceKeycloakIT extends KeycloakTestBase {

    private static final String REALM = "/" + KeycloakServer.REALM;
    private static final String USER = "brute-force-probe";
    private static final String PASSWORD = "Probe-password-2026";

    @Test
    void wrongPasswordsUpToTheRealmsCountDisableTheUserForAWhileWithAPlainMessage() {
        JsonNode realm = keycloak.admin("GET", REALM, null).body();
        assertThat(realm.path("bruteForceProtected").asBoolean()).as("the realm protects against guessing").isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).as("a lock that ends by itself").isFalse();
        int failureFactor = realm.path("failureFactor").asInt();
        assertThat(failureFactor).isBetween(3, 10);
        // Two failures closer together than this lock the user at once (a machine guessing): the test types slower.
        Duration between = Duration.ofMillis(realm.path("quickLoginCheckMilliSeconds").asLong() + 300);

        String userId = createUser();
        try {
            assertThat(keycloak.passwordGrant(KeycloakServer.REALM, KeycloakServer.API_CLIENT,
                    KeycloakServer.API_SECRET, USER, PASSWORD, "openid").hasNonNull("access_token"))
                    .as("the right password works before").isTrue();

            Browser browser = new Browser();
            HttpResponse<String> form = browser.follow(browser.get("/oauth2/authorization/keycloak"));
            assertThat(form.uri().toString()).as("Keycloak's login form").startsWith(keycloak.issuer());
            for (int i = 1; i <= failureFactor; i++) {
                if (i > 1) {
                    KeycloakServer.sleep(between);
                }
                form = browser.submitLogin(form, USER, "wrong-" + i);
                assertThat(form.statusCode()).as("the form again after failure " + i).isEqualTo(200);
                JsonNode status = attackStatusAfter(userId, i);
                assertThat(status.path("numFailures").asInt()).isEqualTo(i);
                assertThat(status.path("disabled").asBoolean()).as("disabled after failure " + i)
                        .isEqualTo(i == failureFactor);
            }

            // Now the right password is refused too: in the browser form and by the password grant.
            KeycloakServer.sleep(between);
            HttpResponse<String> refused = browser.submitLogin(form, USER, PASSWORD);
            assertThat(refused.statusCode()).as("Keycloak's form again, not the platform").isEqualTo(200);
            assertThat(refused.uri().toString()).startsWith(keycloak.issuer());
            assertThat(browser.api("GET", "/api/me", null, false).statusCode()).as("not signed in").isEqualTo(401);
            String page = refused.body();
            assertThat(page).as("a zh-CN page with a plain message: " + page).containsPattern("<html[^>]*lang=\"zh-CN\"")
                    .contains("无效的用户名或密码");
            for (String raw : List.of("invalid_grant", "user_temporarily_disabled", "temporarily", "Exception",
                    "invalidUserMessage", "Invalid username")) {
                assertThat(page).as("no raw error on the page").doesNotContain(raw);
            }
            JsonNode grant = keycloak.passwordGrant(KeycloakServer.REALM, KeycloakServer.API_CLIENT,
                    KeycloakServer.API_SECRET, USER, PASSWORD, "openid");
            assertThat(grant.has("access_token")).as("no token while disabled: " + grant).isFalse();
            assertThat(attackStatus(userId).path("disabled").asBoolean()).isTrue();
            System.out.printf("[keycloak] %d wrong passwords disabled the user; the right one then refused: %s%n",
                    failureFactor, grant);
        } finally {
            keycloak.admin("DELETE", REALM + "/attack-detection/brute-force/users/" + userId, null);
            keycloak.admin("DELETE", REALM + "/users/" + userId, null);
        }
    }

    /** The user's brute-force status once Keycloak has counted this many failures (it may record them late). */
    private JsonNode attackStatusAfter(String userId, int failures) {
        JsonNode status = attackStatus(userId);
        for (int wait = 0; wait < 50 && status.path("numFailures").asInt() < failures; wait++) {
            KeycloakServer.sleep(Duration.ofMillis(100));
            status = attackStatus(userId);
        }
        return status;
    }

    private JsonNode attackStatus(String userId) {
        KeycloakServer.Admin status = keycloak.admin("GET", REALM + "/attack-detection/brute-force/users/" + userId,
                null);
        assertThat(status.status()).isEqualTo(200);
        return status.body();
    }

    /** A complete realm user (the user profile asks for names and an e-mail) with a password of its own. */
    private String createUser() {
        KeycloakServer.Admin created = keycloak.admin("POST", REALM + "/users", Map.of("username", USER,
                "enabled", true, "emailVerified", true, "firstName", "Probe", "lastName", "Brute Force",
                "email", USER + "@example.invalid",
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode found = keycloak.admin("GET", REALM + "/users?exact=true&username=" + USER, null).body();
        assertThat(found.size()).isEqualTo(1);
        return found.get(0).path("id").asText();
    }
}
