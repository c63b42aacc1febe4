package cn.zs.civil.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The HTTP registry against a local stub server: answers, "no record", retries, timeouts, the circuit breaker. */
class HttpRegistryTest {

    private static final String ID = "442000200003151315";

    private WireMockServer server;
    private HttpRegistry registry;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        registry = new HttpRegistry(new HttpRegistry.Settings("http://127.0.0.1:" + server.port(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(20), 50, 4, Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readsAMaritalRecord() {
        server.stubFor(get(urlEqualTo("/marital-records/" + ID)).willReturn(okJson("""
                {"idNumber":"%s","status":"MARRIED","spouseIdNumber":"44200020030303134X",
                 "certificateNo":"J442000-2026-000001","marriageDate":"2026-11-28","registryDivision":"442000"}""".formatted(ID))));
        Registries.MaritalRecord record = registry.maritalRecord(ID);
        assertThat(record.status()).isEqualTo("MARRIED");
        assertThat(record.marriageDate()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void keepsTheNumberTheDatabaseGivesItsAnswerEvenForNoRecord_R81() {
        server.stubFor(get(urlEqualTo("/marital-records/" + ID)).willReturn(okJson("""
                {"idNumber":"%s","status":"SINGLE"}""".formatted(ID)).withHeader("X-Response-Id", "MCA-20261207-000042")));
        Registries.MaritalAnswer answer = registry.maritalAnswer(ID);
        assertThat(answer.record().status()).isEqualTo("SINGLE");
        assertThat(answer.responseId()).isEqualTo("MCA-20261207-000042");

        server.stubFor(get(urlEqualTo("/marital-records/" + ID)).willReturn(aResponse().withStatus(404)
                .withHeader("X-Response-Id", "MCA-20261207-000043")));
        Registries.MaritalAnswer none = registry.maritalAnswer(ID);
        assertThat(none.record().status()).isEqualTo("UNKNOWN");
        assertThat(none.responseId()).isEqualTo("MCA-20261207-000043");
    }

    @Test
    void aMissingRecordIsAnAnswerNotAFailure() {
        server.stubFor(get(urlEqualTo("/persons/" + ID)).willReturn(aResponse().withStatus(404)));
        assertThat(registry.person(ID)).isEmpty();
        assertThat(registry.maritalRecord(ID).status()).isEqualTo("UNKNOWN");
        server.verify(1, getRequestedFor(urlEqualTo("/persons/" + ID)));
    }

    @Test
    void aTransientFailureIsRetried() {
        server.stubFor(get(urlEqualTo("/deaths/" + ID)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(get(urlEqualTo("/deaths/" + ID)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("""
                        {"idNumber":"%s","date":"2026-11-20","certificateNo":"SW1","placeDivision":"442000"}""".formatted(ID))));
        assertThat(registry.death(ID)).map(Registries.DeathRecord::certificateNo).contains("SW1");
        server.verify(2, getRequestedFor(urlEqualTo("/deaths/" + ID)));
    }

    @Test
    void aSlowRegistryTimesOutAndIsReportedUnavailable() {
        server.stubFor(get(urlEqualTo("/persons/" + ID)).willReturn(okJson("{}").withFixedDelay(5000)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> registry.person(ID)).isInstanceOf(RegistryUnavailableException.class);
        // Three attempts cut off by the 1 s read timeout, not three waits of 5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aDownRegistryOpensTheCircuitAndLaterCallsFailFastWithoutReachingIt() {
        server.stubFor(get(urlEqualTo("/assistance/" + ID)).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> registry.assistanceStatus(ID)).isInstanceOf(RegistryUnavailableException.class);
        }
        assertThat(registry.state()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = server.getAllServeEvents().size();
        assertThatThrownBy(() -> registry.assistanceStatus(ID)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(server.getAllServeEvents()).hasSize(calls);
    }

    @Test
    void reportsARegistrationToTheNationalDatabase() {
        server.stubFor(post(urlEqualTo("/marriages")).willReturn(aResponse().withStatus(201)));
        registry.recordMarriage(ID, "44200020030303134X", "J442000-2026-000001", LocalDate.of(2026, 11, 28));
        server.verify(postRequestedFor(urlEqualTo("/marriages")).withRequestBody(equalToJson("""
                {"idNumberA":"%s","idNumberB":"44200020030303134X","certificateNo":"J442000-2026-000001","date":"2026-11-28"}"""
                .formatted(ID))));
    }

    @Test
    void aFailedReportIsRetriedThenReportedUnavailable() {
        server.stubFor(post(urlEqualTo("/divorces")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> registry.recordDivorce(ID, "44200020030303134X", "L1", LocalDate.of(2026, 12, 30)))
                .isInstanceOf(RegistryUnavailableException.class);
        server.verify(3, postRequestedFor(urlEqualTo("/divorces")));
    }
}
