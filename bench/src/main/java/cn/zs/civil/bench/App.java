package cn.zs.civil.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged platform jar, started as an operator would ({@code java -Xmx512m -jar ...}, profile mysql, the
 * registry gateway over HTTP), in its own working directory with its log beside it.
 */
final class App implements AutoCloseable {

    private final Process process;
    final String baseUrl;
    final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    App(Path jar, Path workDir, int port, Map<String, String> env) throws IOException, InterruptedException {
        this(jar, workDir, port, env, Accounts.configOption(workDir));
    }

    /** {@code configOption}: the Spring Boot option that adds the run's configuration file ({@link Accounts}). */
    App(Path jar, Path workDir, int port, Map<String, String> env, String configOption)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        log = workDir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", configOption).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        process = pb.start();
        // An interrupted benchmark must not leave the application running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        baseUrl = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            if (status("/actuator/health") == 200) {
                return;
            }
            Thread.sleep(1000);
        }
        process.destroy();
        throw new IllegalStateException("the application did not start within 240 s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Heap in use, from the application's own metrics (Micrometer, /actuator/metrics). */
    long heapUsed() {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/actuator/metrics/jvm.memory.used?tag=area:heap")).header("Authorization", Client.basic("admin"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200
                    ? (long) Client.JSON.readTree(r.body()).path("measurements").path(0).path("value").asDouble() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The first jar matching {@code backend/target/civil-approval-backend-*.jar} (not the plain one). */
    static Path findJar(Path root) {
        File[] jars = root.resolve("backend/target").toFile().listFiles((d, n) -> n.startsWith("civil-approval-backend-")
                && n.endsWith(".jar") && !n.endsWith("-plain.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no backend/target/civil-approval-backend-*.jar: run "
                    + "./mvnw -B -o -pl backend package -DskipTests first");
        }
        return jars[0].toPath();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
