package cn.zs.civil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the packaged jar the way production does ({@code java -jar}) and proves that every BPMN, DMN and form under
 * {@code processes/} and {@code forms/} is deployed from it, by asking the engine's REST API for its deployment.
 */
class DeploymentFromJarIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyModelAndFormIsDeployedFromThePackagedJar() throws Exception {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/civil-approval-backend-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        // The engine names a resource by its file name, so file names must be unique across the two folders.
        List<String> names = Stream.concat(files(ROOT.resolve("processes")).stream(), files(ROOT.resolve("forms")).stream())
                .toList();
        Set<String> expected = new TreeSet<>(names);
        assertThat(expected).isNotEmpty().hasSameSizeAs(names);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("jar-deployment", ".log");
        Process app = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.datasource.url=jdbc:h2:mem:jar-deployment;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=0",
                "--platform.demo-data=false", "--camunda.bpm.job-execution.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
            ObjectMapper json = new ObjectMapper();
            JsonNode deployments = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && app.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment?firstResult=0&maxResults=1000")).header("Authorization", auth)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        deployments = json.readTree(r.body());
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            assertThat(deployments).as("the jar did not start; see " + log).isNotNull();
            Set<String> deployed = new TreeSet<>();
            for (JsonNode d : deployments) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/engine-rest/deployment/" + d.path("id").asText() + "/resources")).header("Authorization", auth)
                        .build(), HttpResponse.BodyHandlers.ofString());
                json.readTree(r.body()).forEach(res -> deployed.add(res.path("name").asText()));
            }
            assertThat(deployed).containsAll(expected);
            HttpResponse<String> definitions = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/engine-rest/process-definition?firstResult=0&maxResults=1000")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> keys = json.readTree(definitions.body()).findValuesAsText("key");
            assertThat(keys).contains("funeral-fee-waiver", "funeral-fee-reimbursement", "marriage-registration",
                    "divorce-registration", "socialorg-establishment", "socialorg-change", "socialorg-cancellation",
                    "placename-approval");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(".*\\.(bpmn|dmn|form)$"))
                    .toList();
        }
    }
}
