package cn.zs.civil.clock;

/**
 * The statutory periods the platform computes, each with the law that sets it. A period counted in calendar days
 * ends by the {@link RestDayReading} configured for it; a period in working days always ends on a working day.
 */
public enum PeriodRule {

    /** Time limits of the Administrative Licensing Law, in working days (ALL Art. 82). */
    WORKING_DAYS(false, "ALL_ART_82_WORKING_DAYS",
            "按工作日计算，起算日不计入，法定节假日不计入（《行政许可法》第八十二条）",
            "counted in working days, the first day not counted and rest days not counted (Administrative Licensing "
                    + "Law Art. 82)"),
    /** A period in calendar days under the Civil Code's general rules (Arts. 201, 203). */
    CALENDAR_DAYS(true, "CIVIL_CODE_ART_201_203_CALENDAR_DAYS",
            "按日计算，开始的当日不计入，自下一日开始计算（《民法典》第二百零一条）",
            "counted in calendar days from the day after the start (Civil Code Art. 201)"),
    /** T1 of a divorce: 30 days from the day after receipt in which either spouse may withdraw (Art. 1077 ¶1). */
    DIVORCE_COOLING_OFF(true, "CIVIL_CODE_ART_1077_COOLING_OFF",
            "离婚冷静期：自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方可撤回申请（《民法典》第一千零七十七条第一款）",
            "divorce cooling-off: within 30 days of the registry receiving the application either spouse may withdraw "
                    + "it (Civil Code Art. 1077(1))"),
    /** T2 of a divorce: the 30 days after T1 in which both spouses must appear for the certificate (Art. 1077 ¶2). */
    DIVORCE_CERTIFICATE_WINDOW(true, "CIVIL_CODE_ART_1077_CERTIFICATE_WINDOW",
            "冷静期届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请（《民法典》第一千零七十七条第二款）",
            "within 30 days after the cooling-off period both spouses must appear in person to apply for the divorce "
                    + "certificate, or the application is deemed withdrawn (Civil Code Art. 1077(2))");

    private final boolean calendarDays;
    private final String code;
    private final String zh;
    private final String en;

    PeriodRule(boolean calendarDays, String code, String zh, String en) {
        this.calendarDays = calendarDays;
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public boolean calendarDays() {
        return calendarDays;
    }

    /** The stable code an API client may rely on. */
    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
