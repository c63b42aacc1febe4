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

    static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");

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

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
