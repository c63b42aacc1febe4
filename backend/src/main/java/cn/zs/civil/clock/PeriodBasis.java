package cn.zs.civil.clock;

/**
 * What produced a due date, one entry per period: the rule and its law, the length, and how a last day on a rest
 * day was read; {@code zh} and {@code en} say it in a plain sentence for the page.
 *
 * @param rule a stable code, e.g. {@code CIVIL_CODE_ART_1077_COOLING_OFF}
 * @param reading {@code WEEKENDS_AND_HOLIDAYS}, {@code HOLIDAYS_ONLY}, {@code NO_ROLL}, or {@code WORKING_DAYS_ONLY}
 *        for a period counted in working days (it cannot end on a rest day)
 */
public record PeriodBasis(String rule, int days, String reading, String zh, String en) {

    static final String WORKING_DAYS_ONLY = "WORKING_DAYS_ONLY";

    static PeriodBasis of(Period period, RestDayReading reading) {
        PeriodRule rule = period.rule();
        if (!rule.calendarDays()) {
            return new PeriodBasis(rule.code(), period.days(), WORKING_DAYS_ONLY,
                    period.days() + "个工作日；" + rule.zh(), period.days() + " working days; " + rule.en());
        }
        return new PeriodBasis(rule.code(), period.days(), reading.name(),
                period.days() + "日；" + rule.zh() + "；" + reading.zh(),
                period.days() + " days; " + rule.en() + "; " + reading.en());
    }
}
