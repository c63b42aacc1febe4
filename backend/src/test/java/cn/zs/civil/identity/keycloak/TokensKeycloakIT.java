package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.FixedPlatformDay;

/**
 * What a Keycloak token makes of its holder, and which tokens are refused: expired, signed by another realm,
 * tampered with, an ID token instead of an access token, and a user without any of the platform's roles.
 */
class TokensKeycloakIT extends KeycloakTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private IdentityProperties identity;

    private Api.Response me(String token) {
        return api().call(HttpMethod.GET, "/api/me", null, bearer(token));
    }

    @Test
    void everyDemoUserOfTheRealmIsWhoTheEmbeddedAccountIs() {
        assertThat(identity.accounts()).hasSizeGreaterThan(10);
        for (IdentityProperties.DemoAccount account : identity.accounts()) {
            JsonNode me = me(token(account.username())).body();
            assertThat(me.path("id").asText()).isEqualTo(account.username());
            assertThat(me.path("name").asText()).as(account.username()).isEqualTo(account.name());
            assertThat(strings(me.path("roles"))).as(account.username() + " roles")
                    .isEqualTo(new TreeSet<>(account.roles()));
            assertThat(strings(me.path("groups"))).as(account.username() + " groups")
                    .isEqualTo(new TreeSet<>(account.groups()));
            assertThat(strings(me.path("districts"))).as(account.username() + " districts")
                    .isEqualTo(new TreeSet<>(account.districts()));
        }
    }

    /**
     * A booking is answered when its batch has committed, on a dispatch of its own after the request thread has let
     * go (AppointmentController): the token's sign-in holds for that answer too.
     */
    @Test
    void anApplicantWithATokenBooksAnAppointmentAndIsAnsweredWhenItsBatchHasCommitted() {
        ClockUtil.offset(FixedPlatformDay.START.toEpochMilli() - System.currentTimeMillis());
        try {
            Map<String, Object> booking = Map.of("service", "marriage-registration", "office", "huangpu",
                    "day", "2026-06-09", "band", "pm",
                    "partyA", Map.of("name", "陈大文", "idNumber", "442000199501289012", "phone", "13800138000"),
                    "partyB", Map.of("name", "林小美", "idNumber", "442000199501289020"));
            String token = token("zhangsan");
            Api.Response booked = api().call(HttpMethod.POST, "/api/appointments", booking, bearer(token));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            assertThat(booked.body().path("bookingNo").asText()).startsWith("YY20260609-");
            Api.Response again = api().call(HttpMethod.POST, "/api/appointments", booking, bearer(token));
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.body().path("bookingNo").asText()).isEqualTo(booked.body().path("bookingNo").asText());
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        // A client whose tokens live 2 seconds, otherwise like the API client (same mappers, same audience).
        JsonNode api = keycloak.admin("GET", "/" + KeycloakServer.REALM + "/clients?clientId=civil-api", null).body()
                .get(0);
        Map<String, Object> probe = new java.util.LinkedHashMap<>(json.convertValue(api, Map.class));
        probe.remove("id");
        probe.put("clientId", "expiry-probe");
        probe.put("secret", "expiry-probe-secret");
        probe.put("attributes", Map.of("access.token.lifespan", "8"));
        List<Map<String, Object>> mappers = new ArrayList<>();
        api.path("protocolMappers").forEach(m -> {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(json.convertValue(m, Map.class));
            copy.remove("id");
            mappers.add(copy);
        });
        probe.put("protocolMappers", mappers);
        int created = keycloak.admin("POST", "/" + KeycloakServer.REALM + "/clients", probe).status();
        assertThat(created).isIn(201, 409);

        JsonNode tokens = keycloak.passwordGrant(KeycloakServer.REALM, "expiry-probe", "expiry-probe-secret",
                "zhangsan", "demo", "openid");
        String token = tokens.path("access_token").asText();
        long expiresAt = claims(token).path("exp").asLong();
        assertThat(me(token).status()).as("the same token before it expires").isEqualTo(200);

        // Past the expiry and the tolerance of 1 s (bounded: the token lives 8 s, long enough for its first use
        // on a busy machine: 2 s was not).
        long waitMillis = expiresAt * 1000 + 2_500 - System.currentTimeMillis();
        assertThat(waitMillis).isLessThan(15_000);
        KeycloakServer.sleep(Duration.ofMillis(Math.max(0, waitMillis)));
        assertThat(Instant.now().getEpochSecond()).isGreaterThan(expiresAt + 1);
        Api.Response refused = me(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer").contains("invalid_token");
        assertThat(api().call(HttpMethod.GET, "/api/applications/mine", null, bearer(token)).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherRealmIsRefusedEvenWithTheSameUsersAndRoles() {
        String realm = "elsewhere";
        Map<String, Object> mapper = Map.of("name", "platform roles", "protocol", "openid-connect", "protocolMapper",
                "oidc-usermodel-realm-role-mapper", "config", Map.of("claim.name", "roles", "multivalued", "true",
                        "jsonType.label", "String", "access.token.claim", "true"));
        Map<String, Object> audience = Map.of("name", "platform audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.custom.audience",
                        "civil-approval", "access.token.claim", "true"));
        int created = keycloak.admin("POST", "", Map.of("realm", realm, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "admin"), Map.of("name", "applicant"))),
                "clients", List.of(Map.of("clientId", "civil-api", "secret", KeycloakServer.API_SECRET,
                        "publicClient", false, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                        "protocolMappers", List.of(mapper, audience))),
                "users", List.of(Map.of("username", "admin", "enabled", true, "emailVerified", true,
                        "firstName", "管理员", "lastName", "冒", "email", "admin@elsewhere.example",
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)),
                        "realmRoles", List.of("admin", "applicant"))))).status();
        assertThat(created).isIn(201, 409);

        String foreign = keycloak.passwordGrant(realm, "civil-api", KeycloakServer.API_SECRET, "admin", "demo",
                "openid").path("access_token").asText();
        assertThat(claims(foreign).path("roles").toString()).contains("admin");
        assertThat(claims(foreign).path("aud").toString()).contains("civil-approval");
        for (String path : List.of("/api/me", "/api/applications/mine", "/engine-rest/engine")) {
            Api.Response response = api().call(HttpMethod.GET, path, null, bearer(foreign));
            assertThat(response.status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aTamperedTokenOrAnIdTokenIsRefused() {
        String applicant = token("zhangsan");
        String admin = token("admin");
        String[] a = applicant.split("\\.");
        String[] b = admin.split("\\.");
        // The administrator's claims under the applicant's signature.
        String forged = a[0] + "." + b[1] + "." + a[2];
        assertThat(me(forged).status()).isEqualTo(401);
        assertThat(api().call(HttpMethod.GET, "/engine-rest/engine", null, bearer(forged)).status()).isEqualTo(401);
        assertThat(me("not-a-token").status()).isEqualTo(401);

        String idToken = keycloak.passwordGrant(KeycloakServer.REALM, KeycloakServer.API_CLIENT,
                KeycloakServer.API_SECRET, "admin", "demo", "openid").path("id_token").asText();
        assertThat(idToken).isNotEmpty();
        assertThat(me(idToken).status()).as("an ID token is not an access token").isEqualTo(401);
    }

    @Test
    void aUserWithoutAnyRoleOfThePlatformIsSignedInButRefusedEveryRoleRule() {
        int created = keycloak.admin("POST", "/" + KeycloakServer.REALM + "/users", Map.of("username", "no-role",
                "enabled", true, "emailVerified", true, "firstName", "无", "lastName", "角色",
                "email", "no-role@demo.zs-civil.example",
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))).status();
        assertThat(created).isIn(201, 409);
        String token = keycloak.accessToken("no-role");
        JsonNode me = me(token).body();
        assertThat(me.path("id").asText()).isEqualTo("no-role");
        assertThat(me.path("roles")).isEmpty();
        assertThat(me.path("districts")).isEmpty();

        Set<String> anyUser = Set.of("applicant", "clerk", "chief", "director", "manager", "admin");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : AccessPolicyKeycloakIT.POLICY.entrySet()) {
            if (rule.getValue().contains("anonymous") || rule.getValue().equals(anyUser)) {
                continue; // public, or any signed-in user
            }
            String[] parts = rule.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = AccessPolicyKeycloakIT.pathOf(parts[1]);
            int status = path.equals("/api/attachments")
                    ? uploadWithToken(token, "policy.pdf", cn.zs.civil.support.Fixtures.pdf()).status()
                    : api().call(method, path, method == HttpMethod.GET ? null : Map.of(), bearer(token)).status();
            if (status != 403) {
                violations.add(rule.getKey() + " → " + status);
            }
        }
        assertThat(violations).as("role rules that let a user without roles through").isEmpty();
        assertThat(api().call(HttpMethod.GET, "/engine-rest/engine", null, bearer(token)).status()).isEqualTo(403);
    }

    private JsonNode claims(String jwt) {
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
