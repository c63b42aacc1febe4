package cn.zs.civil.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import cn.zs.civil.clock.Period;

/** The published catalogue of services (办事指南), bound from {@code catalogue.yml}. */
@ConfigurationProperties("platform")
public record ServiceCatalogue(Map<String, ServiceDefinition> services) {

    /**
     * Refuses, at start-up, a catalogue that would publish a service without its kind (即办件 or 承诺件, brief §0.4)
     * or promise more than the law allows (brief §0.4: the promised limit is at most the statutory one).
     */
    public ServiceCatalogue {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        services.forEach((code, service) -> {
            if (service.kind() == null) {
                throw new IllegalArgumentException("platform.services." + code + ".kind is missing: every service is"
                        + " published as IMMEDIATE (即办件) or PROMISED (承诺件)");
            }
            if (!withinStatutoryLimit(service.promisedLimit(), service.statutoryLimit())) {
                throw new IllegalArgumentException("platform.services." + code + ".promised-limit "
                        + service.promisedLimit().days() + " " + service.promisedLimit().unit()
                        + " days exceeds the statutory limit of " + service.statutoryLimit().days() + " "
                        + service.statutoryLimit().unit() + " days");
            }
        });
    }

    /**
     * Whether a promise keeps within the law's limit. Working days are never fewer calendar days than their count, so
     * a promise in calendar days fits a statutory limit in working days of at least as many days; a promise in
     * working days cannot be shown to fit a limit in calendar days and is refused.
     */
    static boolean withinStatutoryLimit(Limit promised, Limit statutory) {
        if (promised == null || statutory == null) {
            return true;
        }
        if (promised.unit() == Unit.WORKING && statutory.unit() == Unit.CALENDAR) {
            return false;
        }
        return promised.days() <= statutory.days();
    }

    public Optional<ServiceDefinition> find(String code) {
        return Optional.ofNullable(code).map(services::get);
    }

    public Optional<Map.Entry<String, ServiceDefinition>> byProcessKey(String processKey) {
        return services.entrySet().stream().filter(e -> e.getValue().processKey().equals(processKey)).findFirst();
    }

    public List<String> codes() {
        return List.copyOf(services.keySet());
    }

    public record Text(String zh, String en) {

        public String in(boolean english) {
            return english && en != null ? en : zh;
        }
    }

    public record Material(String code, String zh, String en, boolean required) {
    }

    public enum Unit { WORKING, CALENDAR }

    /**
     * @param periods when the law sets the limit as statutory periods run one after another (a divorce: Civil Code
     *        Art. 1077's T1, then T2 from T1's rolled last day), those periods; they add up to {@code days}
     */
    public record Limit(int days, Unit unit, List<Period> periods) {

        @ConstructorBinding
        public Limit {
            periods = periods == null ? List.of() : List.copyOf(periods);
            if (!periods.isEmpty() && periods.stream().mapToInt(Period::days).sum() != days) {
                throw new IllegalArgumentException("the periods of a limit must add up to its " + days + " days");
            }
            if (periods.stream().anyMatch(p -> p.rule().calendarDays() != (unit == Unit.CALENDAR))) {
                throw new IllegalArgumentException("the periods of a limit must count days as its unit " + unit);
            }
        }

        public Limit(int days, Unit unit) {
            this(days, unit, List.of());
        }
    }

    /** 即办件 (decided on the spot) or 承诺件 (decided within the promised limit). */
    public enum Kind { IMMEDIATE, PROMISED }

    /**
     * How the service is offered: online (网上申请), at the counter (in person; marriage and divorce can be booked
     * online first), or granted without an application (免申即享: the staff register it, nobody applies).
     */
    public enum Channel { ONLINE, COUNTER, NO_APPLICATION }

    public record ServiceDefinition(
            String processKey,
            String numberPrefix,
            Text name,
            List<Text> legalBasis,
            List<Text> conditions,
            List<Material> materials,
            Limit statutoryLimit,
            Limit promisedLimit,
            Kind kind,
            List<String> starterRoles,
            List<String> starterGroups,
            List<String> queueGroups,
            Channel channel,
            Integer correctionPeriodDays,
            boolean sensitive,
            /** Where and how the service is done (at which counter, online, who must come), in each language. */
            Text where,
            /**
             * How far the head of the authority may extend the statutory limit, once, with the reason told to the
             * applicant (行政许可法 Art. 42: 10 working days); null where the law gives no extension.
             */
            Limit extension) {

        public ServiceDefinition {
            legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            materials = materials == null ? List.of() : List.copyOf(materials);
            starterRoles = starterRoles == null ? List.of() : List.copyOf(starterRoles);
            starterGroups = starterGroups == null ? List.of() : List.copyOf(starterGroups);
            queueGroups = queueGroups == null ? List.of() : List.copyOf(queueGroups);
            correctionPeriodDays = correctionPeriodDays == null ? 30 : correctionPeriodDays;
        }
    }
}
