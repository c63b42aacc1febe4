package cn.zs.civil.catalogue;

import java.time.LocalDate;

/**
 * The port to the [S]/[M] values an administrator changes without a release (issue 21): the per-service time limits,
 * correction periods, the rating's default window and the funeral claim window. Owned and answered by
 * {@code cn.zs.civil.policy} (proposal, a second administrator's approval, audit, effective date); declared here, on
 * the floor the case kernel and the services stand on, so that they ask it without depending on the policy module.
 * A consumer asks with the case's acceptance day (before acceptance, its receipt day), so a case keeps the value it
 * was accepted under and no copy of the value is stored with it.
 */
public interface PolicyParameters {

    /** Natural days without a rating before 基本满意 is recorded (国办发〔2019〕51号). */
    String RATING_WINDOW = "rating.default-window-days";
    /** Months after the cremation in which a reimbursement may be claimed (brief §4(f)). */
    String FUNERAL_CLAIM_WINDOW = "funeral.claim-window-months";

    static String statutoryLimit(String serviceCode) {
        return serviceCode + ".statutory-limit";
    }

    static String promisedLimit(String serviceCode) {
        return serviceCode + ".promised-limit";
    }

    static String correctionPeriod(String serviceCode) {
        return serviceCode + ".correction-period";
    }

    /**
     * The value in force on a day: the newest approved version whose effective date is on or before the day, else
     * the jar's (version 0, from {@code application.yml} and {@code catalogue.yml}).
     *
     * @throws IllegalArgumentException for a key that is not a declared parameter
     */
    int valueOn(String key, LocalDate day);

    /** Whether the key is a declared parameter (a divorce's chained periods, for one, are not). */
    boolean declares(String key);

    /** A limit of the catalogue with the days in force on a day (the catalogue's own where none is declared). */
    default ServiceCatalogue.Limit limitOn(String key, ServiceCatalogue.Limit jar, LocalDate day) {
        return jar == null || !jar.periods().isEmpty() || !declares(key) ? jar
                : new ServiceCatalogue.Limit(valueOn(key, day), jar.unit());
    }
}
