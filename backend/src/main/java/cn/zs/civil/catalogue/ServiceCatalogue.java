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

    public ServiceCatalogue {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
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

    public enum Channel { ONLINE, COUNTER }

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
            Text where) {

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
