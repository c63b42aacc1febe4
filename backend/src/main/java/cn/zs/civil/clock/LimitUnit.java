package cn.zs.civil.clock;

/** How a case's time limit counts days. */
public enum LimitUnit {
    /** ALL Art. 82 working days. */
    WORKING,
    /** Calendar days, the last day rolled past rest days (Civil Code Arts. 201/203). */
    CALENDAR
}
