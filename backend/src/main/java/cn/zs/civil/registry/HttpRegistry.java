package cn.zs.civil.registry;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The registries over HTTP (production). Each call has a connect and a read timeout, is retried on transient
 * failures and goes through a circuit breaker (Resilience4j), so a registry that is down fails fast instead of
 * holding threads; every failure surfaces as {@link RegistryUnavailableException}, which the processes turn into
 * a visible wait and a later retry. A 404 is an answer ("no record"), not a failure.
 *
 * <p>The contract is the platform's own JSON gateway in front of the provincial data-sharing platform (the real
 * interfaces are not public: domain brief §6 item 13): {@code GET /persons/{id}}, {@code GET /deaths/{id}},
 * {@code GET /assistance/{id}}, {@code GET /cremations/{certificateNo}}, {@code GET /cremations?idNumber=},
 * {@code GET /marital-records/{id}}, {@code GET /households/{id}}, {@code POST /marriages}, {@code POST /divorces}.
 */
@Component
@ConditionalOnProperty(name = "platform.registry.mode", havingValue = "http")
public class HttpRegistry implements Registries.IdentityRegistry, Registries.DeathRegister,
        Registries.AssistanceRegistry, Registries.FuneralRegistry, Registries.MarriageRegistry {

    static final String RESPONSE_ID_HEADER = "X-Response-Id";

    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    @ConfigurationProperties("platform.registry.http")
    public record Settings(String baseUrl, Duration connectTimeout, Duration readTimeout, int attempts,
            Duration retryWait, float failureRateThreshold, int slidingWindow, Duration openFor) {

        public Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
            attempts = attempts <= 0 ? 3 : attempts;
            retryWait = retryWait == null ? Duration.ofMillis(300) : retryWait;
            failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
            slidingWindow = slidingWindow <= 0 ? 10 : slidingWindow;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        }
    }

    public HttpRegistry(Settings settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                // HTTP/1.1: the gateways behind the registries do not all speak cleartext HTTP/2 (h2c upgrade).
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                        .build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(requests)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE).build();
        this.retry = Retry.of("registry", RetryConfig.custom().maxAttempts(settings.attempts())
                .waitDuration(settings.retryWait())
                .retryOnException(e -> !(e instanceof HttpClientErrorException) && !(e instanceof CallNotPermittedException))
                .build());
        this.breaker = CircuitBreaker.of("registry", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(Math.min(5, settings.slidingWindow()))
                .waitDurationInOpenState(settings.openFor())
                .ignoreExceptions(HttpClientErrorException.NotFound.class)
                .build());
    }

    /** The breaker's state, for health checks and tests. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    public Optional<Registries.Person> person(String idNumber) {
        return optional("identity", () -> http.get().uri("/persons/{id}", idNumber).retrieve()
                .body(Registries.Person.class));
    }

    @Override
    public Optional<Registries.Household> household(String idNumber) {
        return optional("identity", () -> http.get().uri("/households/{id}", idNumber).retrieve()
                .body(Registries.Household.class));
    }

    @Override
    public Optional<Registries.DeathRecord> death(String idNumber) {
        return optional("death-register", () -> http.get().uri("/deaths/{id}", idNumber).retrieve()
                .body(Registries.DeathRecord.class));
    }

    @Override
    public String assistanceStatus(String idNumber) {
        return optional("assistance", () -> http.get().uri("/assistance/{id}", idNumber).retrieve()
                .body(AssistanceAnswer.class)).map(AssistanceAnswer::status).orElse("NONE");
    }

    @Override
    public Optional<Registries.CremationRecord> cremation(String certificateNo) {
        return optional("funeral-database", () -> http.get().uri("/cremations/{no}", certificateNo).retrieve()
                .body(Registries.CremationRecord.class));
    }

    @Override
    public List<Registries.CremationRecord> cremationsOf(String idNumber) {
        return optional("funeral-database", () -> http.get().uri("/cremations?idNumber={id}", idNumber).retrieve()
                .body(new ParameterizedTypeReference<List<Registries.CremationRecord>>() {
                })).orElse(List.of());
    }

    @Override
    public Registries.MaritalRecord maritalRecord(String idNumber) {
        return optional("marriage-database", () -> http.get().uri("/marital-records/{id}", idNumber).retrieve()
                .body(Registries.MaritalRecord.class))
                .orElse(new Registries.MaritalRecord(idNumber, "UNKNOWN", null, null, null, null));
    }

    /** The gateway numbers each answer in {@value #RESPONSE_ID_HEADER} (also on a 404, "no record"). */
    @Override
    public Registries.MaritalAnswer maritalAnswer(String idNumber) {
        try {
            var answer = call("marriage-database", () -> http.get().uri("/marital-records/{id}", idNumber).retrieve()
                    .toEntity(Registries.MaritalRecord.class));
            return new Registries.MaritalAnswer(answer.getBody(), answer.getHeaders().getFirst(RESPONSE_ID_HEADER));
        } catch (RegistryUnavailableException e) {
            if (e.getCause() instanceof HttpClientErrorException.NotFound notFound) {
                return new Registries.MaritalAnswer(new Registries.MaritalRecord(idNumber, "UNKNOWN", null, null,
                        null, null), notFound.getResponseHeaders() == null ? null
                                : notFound.getResponseHeaders().getFirst(RESPONSE_ID_HEADER));
            }
            throw e;
        }
    }

    @Override
    public void recordMarriage(String idNumberA, String idNumberB, String certificateNo, LocalDate date) {
        post("/marriages", Map.of("idNumberA", idNumberA, "idNumberB", idNumberB, "certificateNo", certificateNo,
                "date", date.toString()));
    }

    @Override
    public void recordDivorce(String idNumberA, String idNumberB, String certificateNo, LocalDate date) {
        post("/divorces", Map.of("idNumberA", idNumberA, "idNumberB", idNumberB, "certificateNo", certificateNo,
                "date", date.toString()));
    }

    record AssistanceAnswer(String status) {
    }

    private void post(String path, Map<String, String> body) {
        call("marriage-database", () -> http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new RestClientException("Registry answered " + response.getStatusCode());
                }).toBodilessEntity());
    }

    private <T> Optional<T> optional(String registry, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(registry, call));
        } catch (RegistryUnavailableException e) {
            if (e.getCause() instanceof HttpClientErrorException.NotFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> T call(String registry, Supplier<T> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (RuntimeException e) {
            throw new RegistryUnavailableException(registry, e);
        }
    }
}
