package cn.zs.civil.clock;

/**
 * How a calendar-day period whose last day is a rest day ends (Civil Code Art. 203: "期间的最后一日是法定休假日的，以法定
 * 休假日结束的次日为期间的最后一日"). The domain brief marks the reading of 法定休假日 [S], so it is a setting per period
 * ({@code platform.clock.rest-day-readings}), not a constant.
 */
public enum RestDayReading {

    /** Weekends and published holidays both count as 法定休假日 (the reading of the 2020 notice and the courts). */
    WEEKENDS_AND_HOLIDAYS(
            "期间最后一日为法定休假日（含周末和法定节假日，调休上班日除外）的，以休假日结束的次日为最后一日（《民法典》第二百零三条）",
            "when the last day is a statutory rest day (a weekend or public holiday, not an adjusted workday), the "
                    + "period ends on the first working day after it (Civil Code Art. 203)"),
    /** Only the days of a published public holiday roll the period on; a last day on a weekend stands. */
    HOLIDAYS_ONLY(
            "期间最后一日为法定节假日的，以节假日结束的次日为最后一日；最后一日为周末的不顺延（《民法典》第二百零三条）",
            "when the last day falls in a public holiday the period ends on the day after the holiday; a last day on a "
                    + "weekend stands (Civil Code Art. 203)"),
    /** The last day stands whatever day it is. */
    NO_ROLL(
            "期间最后一日不论是否休假日均不顺延",
            "the last day stands whether or not it is a rest day");

    private final String zh;
    private final String en;

    RestDayReading(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
