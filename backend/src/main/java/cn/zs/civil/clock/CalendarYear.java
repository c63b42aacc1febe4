package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's schedule as stored, with who changed it last.
 *
 * @param version the year's edit count, 1 when first loaded
 * @param origin SEED (the bundled State Council data) or ADMIN
 */
public record CalendarYear(int year, long version, String origin, String updatedBy, Instant updatedAt,
                           List<Holiday> holidays, List<LocalDate> adjustedWorkdays) {
}
