package cn.zs.civil.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.zs.civil.catalogue.PolicyParameters;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.rating.RatingProperties;

/**
 * The [S]/[M] values an administrator may change without a release, and which version of each is in force on a day
 * (the port {@link PolicyParameters}). The declared list: every service's statutory and promised limit (but a chain
 * of statutory periods, a divorce's, which is the law's window for the parties), the correction period of every
 * service applied for online, the rating's default window and the funeral claim window, each with its unit, bounds,
 * legal reference and the jar's value as version 0 (from {@code catalogue.yml} and {@code application.yml}, read
 * here only). Approved versions are rows of {@code policy_change} of kind {@code PARAMETER}; they are read once and
 * kept on this node until an approval commits here, or for a minute (another node's approval).
 */
@Component
public class PolicyParameterValues implements PolicyParameters {

    /** How a value is counted; its words in the i18n bundles ({@code policy.unit.<unit>}). */
    enum Unit { WORKING_DAYS, CALENDAR_DAYS, MONTHS }

    /** What the parameter is, for its label and legal reference ({@code policy.parameter.<kind>}). */
    enum Kind { STATUTORY_LIMIT, PROMISED_LIMIT, CORRECTION_PERIOD, RATING_WINDOW, CLAIM_WINDOW }

    /**
     * One changeable value: its key, kind, the service it belongs to (null: every service), its unit, its bounds
     * (whole numbers) and the jar's value.
     */
    record Declared(String key, Kind kind, String serviceCode, Unit unit, int min, int max, int jarValue) {
    }

    /** A version of a parameter: 0 is the jar's (no effective date). */
    record Version(String key, int version, int value, LocalDate effectiveFrom) {
    }

    static final String KIND = "PARAMETER";
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final PolicyMapper mapper;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;
    private volatile Map<String, List<Version>> approved;
    private volatile long loadedAt;

    PolicyParameterValues(PolicyMapper mapper, ServiceCatalogue catalogue, MessageSource messages,
            RatingProperties ratings,
            @Value("${platform.funeral.claim-window-months:12}") int claimWindowMonths) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.messages = messages;
        catalogue.services().forEach((code, service) -> {
            if (service.statutoryLimit() != null && service.statutoryLimit().periods().isEmpty()) {
                Unit unit = service.statutoryLimit().unit() == ServiceCatalogue.Unit.CALENDAR ? Unit.CALENDAR_DAYS
                        : Unit.WORKING_DAYS;
                int max = unit == Unit.CALENDAR_DAYS ? 365 : 120;
                declare(new Declared(PolicyParameters.statutoryLimit(code), Kind.STATUTORY_LIMIT, code, unit, 0, max,
                        service.statutoryLimit().days()));
                if (service.promisedLimit() != null) {
                    Unit promised = service.promisedLimit().unit() == ServiceCatalogue.Unit.CALENDAR
                            ? Unit.CALENDAR_DAYS : Unit.WORKING_DAYS;
                    declare(new Declared(PolicyParameters.promisedLimit(code), Kind.PROMISED_LIMIT, code, promised, 0,
                            max, service.promisedLimit().days()));
                }
            }
            if (service.channel() == ServiceCatalogue.Channel.ONLINE) {
                declare(new Declared(PolicyParameters.correctionPeriod(code), Kind.CORRECTION_PERIOD, code,
                        Unit.CALENDAR_DAYS, 5, 90, service.correctionPeriodDays()));
            }
        });
        Duration window = ratings.window();
        if (window.isNegative() || window.isZero() || !window.equals(Duration.ofDays(window.toDays()))) {
            throw new IllegalArgumentException("platform.ratings.window must be a whole number of days (P7D)");
        }
        declare(new Declared(RATING_WINDOW, Kind.RATING_WINDOW, null, Unit.CALENDAR_DAYS, 1, 30,
                (int) window.toDays()));
        declare(new Declared(FUNERAL_CLAIM_WINDOW, Kind.CLAIM_WINDOW, "funeral-fee-reimbursement", Unit.MONTHS, 1,
                120, claimWindowMonths));
    }

    private void declare(Declared d) {
        if (d.jarValue() < d.min() || d.jarValue() > d.max()) {
            throw new IllegalArgumentException("The configured value of " + d.key() + " (" + d.jarValue()
                    + ") is outside " + d.min() + " to " + d.max());
        }
        declared.put(d.key(), d);
    }

    // ---- the port ----

    @Override
    public int valueOn(String key, LocalDate day) {
        return inForce(key, day).value();
    }

    @Override
    public boolean declares(String key) {
        return declared.containsKey(key);
    }

    // ---- for the policy module ----

    List<Declared> declared() {
        return List.copyOf(declared.values());
    }

    Optional<Declared> find(String key) {
        return Optional.ofNullable(key).map(declared::get);
    }

    /** The version in force on a day: the approved one effective last on or before it, else the jar's. */
    Version inForce(String key, LocalDate day) {
        Declared d = declared.get(key);
        if (d == null) {
            throw new IllegalArgumentException("Not a policy parameter: " + key);
        }
        return approved(key).stream().filter(v -> !v.effectiveFrom().isAfter(day)).reduce((a, b) -> b)
                .orElse(new Version(key, 0, d.jarValue(), null));
    }

    /** The approved versions, effective date first (then version): the last is the base of a new proposal. */
    List<Version> approved(String key) {
        return load().getOrDefault(key, List.of());
    }

    /** The version a new proposal builds on: the approved one that takes effect last, else 0 (the jar's). */
    int base(String key) {
        List<Version> versions = approved(key);
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }

    /** The number of the next approved version (versions count in the order of approval). */
    int nextVersion(String key) {
        return approved(key).stream().mapToInt(Version::version).max().orElse(0) + 1;
    }

    /** Forgets the approved versions once the approving transaction commits (at once outside one). */
    void approvedNow() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    approved = null;
                }
            });
        } else {
            approved = null;
        }
    }

    // ---- words ----

    String label(String key, Locale locale) {
        Declared d = declared.get(key);
        if (d == null) {
            return messages.getMessage("policy.parameter.unknown", null, locale);
        }
        String service = d.serviceCode() == null || d.kind() == Kind.CLAIM_WINDOW ? ""
                : catalogue.find(d.serviceCode()).map(s -> Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                        ? s.name().en() : s.name().zh()).orElse("");
        return messages.getMessage("policy.parameter." + d.kind(), new Object[] {service}, locale);
    }

    String law(Declared d, Locale locale) {
        return messages.getMessage("policy.parameter." + d.kind() + ".law", null, locale);
    }

    String valueText(String key, int value, Locale locale) {
        return unitText("policy.unit.", key, value, locale);
    }

    /** A bound of a range ("0个工作日至120个工作日"): the number itself, never "当场办结". */
    String boundText(String key, int value, Locale locale) {
        return unitText("policy.bound.", key, value, locale);
    }

    private String unitText(String prefix, String key, int value, Locale locale) {
        Declared d = declared.get(key);
        return messages.getMessage(prefix + (d == null ? Unit.CALENDAR_DAYS : d.unit()), new Object[] {value}, locale);
    }

    // ---- the approved versions, kept on this node ----

    private Map<String, List<Version>> load() {
        Map<String, List<Version>> kept = approved;
        if (kept != null && System.currentTimeMillis() - loadedAt < KEPT.toMillis()) {
            return kept;
        }
        Map<String, List<Version>> fresh = new LinkedHashMap<>();
        for (PolicyMapper.ChangeRow r : mapper.approvedOfKind(KIND)) {
            fresh.computeIfAbsent(r.decisionKey(), k -> new ArrayList<>()).add(new Version(r.decisionKey(),
                    r.decisionVersion(), r.parameterValue(), r.effectiveDate()));
        }
        fresh.values().forEach(list -> list.sort(Comparator.comparing(Version::effectiveFrom)
                .thenComparingInt(Version::version)));
        loadedAt = System.currentTimeMillis();
        approved = fresh;
        return fresh;
    }
}
