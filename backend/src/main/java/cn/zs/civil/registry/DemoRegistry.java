package cn.zs.civil.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built-in registry of the embedded default and the tests: demo citizens (single, married, widowed, under
 * age, deceased, in assistance groups) from {@code registry/demo-citizens.json}. It can be switched off to
 * rehearse an outage.
 */
@Component
@ConditionalOnProperty(name = "platform.registry.mode", havingValue = "demo", matchIfMissing = true)
public class DemoRegistry implements Registries.IdentityRegistry, Registries.DeathRegister,
        Registries.AssistanceRegistry, Registries.FuneralRegistry, Registries.MarriageRegistry {

    private final Map<String, Registries.Person> people = new ConcurrentHashMap<>();
    private final Map<String, Registries.Household> households = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Registries.DeathRecord> deaths = new ConcurrentHashMap<>();
    private final Map<String, String> assistance = new ConcurrentHashMap<>();
    private final Map<String, Registries.CremationRecord> cremations = new ConcurrentHashMap<>();
    private final Map<String, Registries.MaritalRecord> marital = new ConcurrentHashMap<>();
    private final AtomicBoolean available = new AtomicBoolean(true);

    public DemoRegistry(ObjectMapper json) {
        try (InputStream in = new ClassPathResource("registry/demo-citizens.json").getInputStream()) {
            for (JsonNode c : json.readTree(in).path("citizens")) {
                load(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(JsonNode c) {
        String id = c.path("idNumber").asText();
        people.put(id, new Registries.Person(id, c.path("name").asText(), c.path("sex").asText(),
                LocalDate.parse(c.path("birthDate").asText()), c.path("hukouDivision").asText(),
                c.path("hukouDistrict").isNull() ? null : c.path("hukouDistrict").asText(null),
                c.path("maritalStatus").asText()));
        JsonNode death = c.path("death");
        if (death.isObject()) {
            deaths.put(id, new Registries.DeathRecord(id, LocalDate.parse(death.path("date").asText()),
                    death.path("certificateNo").asText(), death.path("placeDivision").asText()));
        }
        assistance.put(id, c.path("assistance").asText("NONE"));
        JsonNode marriage = c.path("marriage");
        marital.put(id, marriage.isObject()
                ? new Registries.MaritalRecord(id, c.path("maritalStatus").asText(), marriage.path("spouseIdNumber").asText(),
                        marriage.path("certificateNo").asText(), LocalDate.parse(marriage.path("date").asText()),
                        marriage.path("registry").asText())
                : new Registries.MaritalRecord(id, c.path("maritalStatus").asText("UNKNOWN"), null, null, null, null));
        for (JsonNode r : c.path("cremations")) {
            String no = r.path("certificateNo").asText();
            cremations.put(no, new Registries.CremationRecord(id, no, r.path("funeralHome").asText(),
                    LocalDate.parse(r.path("date").asText()), r.path("waived").asBoolean()));
        }
    }

    /**
     * Adds a synthetic resident (the bureau's year and its sample, {@code cn.zs.civil.demo.BureauRun}): the
     * person, the marital record (null: none, answered as UNKNOWN) and a death record (null: living).
     */
    public void enrol(Registries.Person person, Registries.MaritalRecord maritalRecord, Registries.DeathRecord death) {
        String id = normalise(person.idNumber());
        people.put(id, person);
        if (maritalRecord != null) {
            marital.put(id, maritalRecord);
        }
        if (death != null) {
            deaths.put(id, death);
        }
    }

    /** Registers a person's hukou in a household (the demo data has none: households are a test's to make). */
    public void enrolHousehold(String idNumber, Registries.Household household) {
        households.put(normalise(idNumber), household);
    }

    /** Adds a cremation to the provincial funeral database (a reimbursement's cremation elsewhere). */
    public void enrolCremation(Registries.CremationRecord cremation) {
        cremations.put(cremation.certificateNo(), cremation);
    }

    /** Rehearses an outage: every call fails until the registry is back. */
    public void setAvailable(boolean up) {
        available.set(up);
    }

    @Override
    public Optional<Registries.Person> person(String idNumber) {
        check("identity");
        return Optional.ofNullable(people.get(normalise(idNumber)));
    }

    @Override
    public Optional<Registries.Household> household(String idNumber) {
        check("identity");
        return Optional.ofNullable(households.get(normalise(idNumber)));
    }

    @Override
    public Optional<Registries.DeathRecord> death(String idNumber) {
        check("death-register");
        return Optional.ofNullable(deaths.get(normalise(idNumber)));
    }

    @Override
    public String assistanceStatus(String idNumber) {
        check("assistance");
        return assistance.getOrDefault(normalise(idNumber), "NONE");
    }

    @Override
    public Optional<Registries.CremationRecord> cremation(String certificateNo) {
        check("funeral-database");
        return Optional.ofNullable(cremations.get(certificateNo));
    }

    @Override
    public List<Registries.CremationRecord> cremationsOf(String idNumber) {
        check("funeral-database");
        String id = normalise(idNumber);
        return new ArrayList<>(cremations.values().stream().filter(c -> c.idNumber().equals(id)).toList());
    }

    @Override
    public Registries.MaritalRecord maritalRecord(String idNumber) {
        check("marriage-database");
        String id = normalise(idNumber);
        return marital.getOrDefault(id, new Registries.MaritalRecord(id, "UNKNOWN", null, null, null, null));
    }

    /** Numbers its answers as a database would: DEMO- and a sequence. */
    @Override
    public Registries.MaritalAnswer maritalAnswer(String idNumber) {
        Registries.MaritalRecord record = maritalRecord(idNumber);
        return new Registries.MaritalAnswer(record, String.format("DEMO-%08d", answers.incrementAndGet()));
    }

    @Override
    public void recordMarriage(String idNumberA, String idNumberB, String certificateNo, LocalDate date) {
        check("marriage-database");
        String a = normalise(idNumberA);
        String b = normalise(idNumberB);
        marital.put(a, new Registries.MaritalRecord(a, "MARRIED", b, certificateNo, date, "442000"));
        marital.put(b, new Registries.MaritalRecord(b, "MARRIED", a, certificateNo, date, "442000"));
    }

    @Override
    public void recordDivorce(String idNumberA, String idNumberB, String certificateNo, LocalDate date) {
        check("marriage-database");
        for (String id : new String[] {normalise(idNumberA), normalise(idNumberB)}) {
            marital.put(id, new Registries.MaritalRecord(id, "DIVORCED", null, null, null, null));
        }
    }

    private void check(String registry) {
        if (!available.get()) {
            throw new RegistryUnavailableException(registry, null);
        }
    }

    private static String normalise(String idNumber) {
        return idNumber == null ? "" : idNumber.toUpperCase(java.util.Locale.ROOT);
    }
}
