package cn.zs.civil.clock;

import java.time.LocalDate;
import java.util.List;

/** The published schedule of one year: holidays and adjusted working weekend days. */
record YearSchedule(int year, List<Holiday> holidays, List<LocalDate> adjustedWorkdays) {

    YearSchedule {
        holidays = List.copyOf(holidays);
        adjustedWorkdays = List.copyOf(adjustedWorkdays);
    }
}
