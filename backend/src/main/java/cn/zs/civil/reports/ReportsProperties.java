package cn.zs.civil.reports;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.zs.civil.clock.PauseReason;

/**
 * What the reports count as what ({@code platform.reports}).
 *
 * @param excludedPauseReasons pauses the law does not count against the limit; net working days leave them out
 * @param ageBuckets inclusive upper bounds, in working days, of the backlog's age buckets (ascending)
 * @param refusalOutcomes outcomes counted as refusals in the quality report
 * @param lapseOutcomes outcomes counted as lapses (divorce cooling-off without a second appearance, and the like)
 * @param annualLines the lines of the bureau's annual form that are counted from the generic application table
 */
@ConfigurationProperties("platform.reports")
record ReportsProperties(
        @DefaultValue({"CORRECTIONS", "EXPERT_REVIEW", "CONSULTATION", "HEARING", "PUBLIC_NOTICE", "INSPECTION"})
        Set<PauseReason> excludedPauseReasons,
        @DefaultValue({"2", "5", "10", "20"}) List<Integer> ageBuckets,
        @DefaultValue({"REFUSED"}) Set<String> refusalOutcomes,
        @DefaultValue({"DEEMED_WITHDRAWN", "LAPSED"}) Set<String> lapseOutcomes,
        @DefaultValue List<AnnualLine> annualLines) {

    enum Count {
        RECEIVED, DECIDED
    }

    /** One line of the annual form: applications received for, or cases decided with one of the outcomes. */
    record AnnualLine(String key, String zh, String en, List<String> services, Count count, Set<String> outcomes) {

        AnnualLine {
            services = services == null ? List.of() : List.copyOf(services);
            outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
            if (key == null || services.isEmpty() || count == null) {
                throw new IllegalArgumentException("platform.reports.annual-lines: key, services and count are required");
            }
        }
    }

    ReportsProperties {
        for (int i = 1; i < ageBuckets.size(); i++) {
            if (ageBuckets.get(i) <= ageBuckets.get(i - 1)) {
                throw new IllegalArgumentException("platform.reports.age-buckets must be ascending: " + ageBuckets);
            }
        }
        excludedPauseReasons = Set.copyOf(excludedPauseReasons);
        ageBuckets = List.copyOf(ageBuckets);
        refusalOutcomes = Set.copyOf(refusalOutcomes);
        lapseOutcomes = Set.copyOf(lapseOutcomes);
        annualLines = List.copyOf(annualLines);
    }
}
