package cn.zs.civil.identity.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak 26 for the Keycloak suite, once per test JVM: the distribution that the Maven profile
 * {@code keycloak-it} unpacks ({@code keycloak.home}), started in dev mode on 127.0.0.1 on a free port with the
 * committed realm ({@code keycloak.realm}, the file compose uses) imported, stopped when the JVM ends. Also picks the
 * application's port, because the realm's redirect URI names it. {@code -Dkeycloak.port} and
 * {@code -Dkeycloak.app-port} fix both ports instead.
 */
final class KeycloakServer {

    static final String REALM = "zhongshan-civil";
    static final String API_CLIENT = "civil-api";
    static final String API_SECRET = "dev-api-secret";
    static final String WEB_SECRET = "dev-web-secret";
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static KeycloakServer instance;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final int port = port("keycloak.port");
    final int appPort = port("keycloak.app-port");
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;
    private Path log;
    private volatile boolean ready;

    static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = new KeycloakServer();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "keycloak-stop"));
        }
        return instance;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String issuer() {
        return base() + "/realms/" + REALM;
    }

    String appUrl() {
        return "http://127.0.0.1:" + appPort;
    }

    private void start() {
        String home = System.getProperty("keycloak.home");
        String realm = System.getProperty("keycloak.realm");
        if (home == null || realm == null || !Files.isExecutable(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution: run the suite with the Maven profile keycloak-it "
                    + "(keycloak.home=" + home + ", keycloak.realm=" + realm + ")");
        }
        try {
            Path imports = Files.createDirectories(Path.of(home, "data", "import"));
            Files.writeString(imports.resolve(REALM + ".json"), demoRealm(Path.of(realm)));
            log = Path.of(home, "keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(home, "bin", "kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--db=dev-mem")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // Placeholders of the realm file: the application's address (redirect URI) and the dev secrets.
            env.put("CIVIL_APP_URL", appUrl());
            env.put("CIVIL_WEB_CLIENT_SECRET", WEB_SECRET);
            env.put("CIVIL_API_CLIENT_SECRET", API_SECRET);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo variant of the committed realm (docs/operations.md, "Keycloak"): its demo users ({@code demo-users.json} beside
     * it, password "demo", so without the production password policy) and the password grant on the API client, by
     * which the suite gets its tokens. The production realm has neither.
     */
    private String demoRealm(Path realm) throws IOException {
        ObjectNode tree = (ObjectNode) json.readTree(realm.toFile());
        tree.set("users", json.readTree(realm.resolveSibling("demo-users.json").toFile()).path("users"));
        tree.remove("passwordPolicy");
        for (JsonNode client : tree.path("clients")) {
            if (API_CLIENT.equals(client.path("clientId").asText())) {
                ((ObjectNode) client).put("directAccessGrantsEnabled", true);
            }
        }
        return json.writeValueAsString(tree);
    }

    /** Waits (bounded) until the realm answers; the Spring context starts meanwhile. */
    synchronized void awaitReady() {
        if (ready) {
            return;
        }
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak did not start within " + STARTUP + ":\n" + logTail());
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The token response of a password grant through the API client (the demo users' password is "demo"). */
    JsonNode passwordGrant(String realm, String client, String secret, String username, String password, String scope) {
        return post(base() + "/realms/" + realm + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", client, "client_secret", secret, "username", username, "password", password,
                "scope", scope), null);
    }

    String accessToken(String username) {
        JsonNode tokens = passwordGrant(REALM, API_CLIENT, API_SECRET, username, "demo", "openid");
        if (!tokens.hasNonNull("access_token")) {
            throw new IllegalStateException("No token for " + username + ": " + tokens);
        }
        return tokens.get("access_token").asText();
    }

    /** A call of Keycloak's admin REST API as the bootstrap administrator; answers the status and the body. */
    Admin admin(String method, String path, Object body) {
        String token = post(base() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword), null)
                .get("access_token").asText();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/admin/realms" + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Admin(response.statusCode(), response.body().isEmpty() ? json.nullNode()
                    : json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Admin(int status, JsonNode body) {
    }

    private JsonNode post(String url, Map<String, String> form, String bearer) {
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The port a system property names (a machine that gives each suite its own ports), else a free one. */
    private static int port(String property) {
        String chosen = System.getProperty(property);
        return chosen == null || chosen.isBlank() ? freePort() : Integer.parseInt(chosen.strip());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
