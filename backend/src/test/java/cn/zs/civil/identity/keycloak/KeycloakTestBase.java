package cn.zs.civil.identity.keycloak;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.support.Api;

/**
 * The Keycloak suite: the whole application with the profiles test,keycloak (from the Maven profile keycloak-it)
 * against a real Keycloak, one Spring context for all *KeycloakIT classes. Keycloak starts while the context does.
 * The application runs on the port the realm's redirect URI names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class KeycloakTestBase {

    static final KeycloakServer keycloak = KeycloakServer.get();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void keycloakRealm(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> keycloak.appPort);
        properties.add("platform.identity.keycloak.issuer-uri", keycloak::issuer);
        properties.add("platform.identity.keycloak.client-secret", () -> KeycloakServer.WEB_SECRET);
        // Expiry is tested with tokens that live seconds; a minute of tolerance would hide it.
        properties.add("platform.identity.keycloak.clock-skew", () -> "1s");
    }

    @BeforeEach
    void keycloakIsUp() {
        keycloak.awaitReady();
    }

    protected Api api() {
        return new Api(port).anonymous();
    }

    /** An access token of a demo user (password "demo"), from Keycloak's token endpoint; reused for a minute. */
    protected String token(String username) {
        String cached = tokens.get(username);
        if (cached != null && Long.parseLong(cached.substring(0, cached.indexOf(' '))) > System.currentTimeMillis()) {
            return cached.substring(cached.indexOf(' ') + 1);
        }
        String token = keycloak.accessToken(username);
        tokens.put(username, (System.currentTimeMillis() + 60_000) + " " + token);
        return token;
    }

    protected static Map<String, String> bearer(String token) {
        return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    protected Api.Response call(String username, HttpMethod method, String path, Object body) {
        return api().call(method, path, body, username == null ? Map.of() : bearer(token(username)));
    }

    protected Api.Response upload(String username, String fileName, byte[] content) {
        return uploadWithToken(username == null ? null : token(username), fileName, content);
    }

    protected Api.Response uploadWithToken(String token, String fileName, byte[] content) {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return new Api.Response(http.post().uri("/api/attachments")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class),
                new ObjectMapper());
    }
}
