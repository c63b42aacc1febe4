package cn.zs.civil.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar ({@code java -Xmx512m -jar}) as its own process on MariaDB, in an empty
 * working directory, as an operator would run it. {@link #kill()} is {@code kill -9}.
 */
final class AppNode implements AutoCloseable {

    final String name;
    final int port;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    static final String SUITE_DATA_KEYS = "faults:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32));
    static final String SUITE_HASH_KEY = "faults-" + java.util.Base64.getEncoder().encodeToString(randomBytes(16));

    private final Path workDir;
    private final Map<String, String> env;
    private final List<String> args;
    private final List<String> jvmOptions;
    private Process process;

    AppNode(String name, int port, Path workDir, Map<String, String> env, List<String> args) {
        this(name, port, workDir, env, args, List.of("-Xmx512m"));
    }

    /** With the JVM's own options (heap, what to do on an OutOfMemoryError) instead of {@code -Xmx512m}. */
    AppNode(String name, int port, Path workDir, Map<String, String> env, List<String> args, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.workDir = workDir;
        this.env = env;
        this.args = args;
        this.jvmOptions = jvmOptions;
    }

    /** The environment of a node on the suites' own MariaDB, with the registries behind the stub gateway. */
    static Map<String, String> mysqlEnv(OwnMariaDb db, String database, StubRegistry registry) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("DB_URL", db.jdbcUrl(database));
        env.put("DB_USER", OwnMariaDb.USER);
        env.put("DB_PASSWORD", OwnMariaDb.PASSWORD);
        env.put("DEMO_DATA", "false");
        // The demo registrars' qualifications (platform.marriage.registrar-seed) all the same: the suites check
        // marriages in as clerk-marriage (婚姻登记条例 2003 Art. 3, rule R80).
        env.put("PLATFORM_MARRIAGE_REGISTRARSEED_ENABLED", "true");
        env.put("DEMO_TIME_TRAVEL", "true");
        env.put("REGISTRY_MODE", "http");
        env.put("REGISTRY_BASE_URL", registry.baseUrl());
        env.put("SERVER_ADDRESS", "127.0.0.1");
        // The mysql profile refuses the embedded demo keys; every node of a suite (and a restarted one) shares these.
        env.put("DATA_ENCRYPTION_KEYS", SUITE_DATA_KEYS);
        env.put("PLATFORM_HASH_KEY", SUITE_HASH_KEY);
        return env;
    }

    static Path jar() {
        String jar = System.getProperty("packaged.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("No packaged jar (system property packaged.jar: " + jar + "); run mvn verify");
        }
        return Path.of(jar);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return workDir.resolve("app.log");
    }

    AppNode start() {
        launch();
        awaitHealthy(Duration.ofSeconds(Long.getLong("faults.start.seconds", 300)));
        return this;
    }

    /** Starts the process and returns at once, healthy or not. */
    AppNode launch() {
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            Process started = process;
            // A test JVM that dies leaves no node behind.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The exit code once the process has ended, or null if it still runs after {@code limit}. */
    Integer awaitExit(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    Path workDir() {
        return workDir;
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; log: " + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            OwnMariaDb.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy; log: " + tail());
    }

    /** kill -9: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the log that hold a stack trace frame or an ERROR: a fault must not produce them unseen. */
    long logLinesMatching(String regex) {
        try (var lines = Files.lines(log())) {
            return lines.filter(l -> l.matches(regex)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
