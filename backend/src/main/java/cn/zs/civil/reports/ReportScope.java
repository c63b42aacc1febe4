package cn.zs.civil.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;

/**
 * What a report covers: [{@code from}, {@code to}) in Asia/Shanghai wall-clock time (the application table stores
 * that), an optional service and the districts the caller may see (null = all).
 */
record ReportScope(LocalDateTime from, LocalDateTime to, String service, Collection<String> districts) {

    static ReportScope days(LocalDate firstDay, LocalDate lastDay, String service, Collection<String> districts) {
        return new ReportScope(firstDay.atStartOfDay(), lastDay.plusDays(1).atStartOfDay(), service, districts);
    }
}
