package cn.zs.civil.clock;

import java.util.List;

/** A number of working days, with the warnings of the calendar years it had to guess. */
public record WorkingDayCount(int days, List<String> warnings) {

    public WorkingDayCount {
        warnings = List.copyOf(warnings);
    }
}
