package cn.zs.civil.clock;

import java.util.Collection;
import java.util.List;

/** The warning codes results carry; API responses pass them through for people to see. */
public final class CalendarWarnings {

    /** Followed by ":" and the year, e.g. {@code CALENDAR_YEAR_MISSING:2027}. */
    public static final String YEAR_MISSING = "CALENDAR_YEAR_MISSING";

    private CalendarWarnings() {
    }

    public static String yearMissing(int year) {
        return YEAR_MISSING + ":" + year;
    }

    static List<String> yearsMissing(Collection<Integer> years) {
        return years.stream().sorted().map(CalendarWarnings::yearMissing).toList();
    }
}
