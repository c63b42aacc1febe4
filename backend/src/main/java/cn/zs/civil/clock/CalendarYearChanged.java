package cn.zs.civil.clock;

import java.util.Map;

/** An administrator replaced a year's holiday schedule: published in the transaction that did it. */
public record CalendarYearChanged(int year, String changedBy, Map<String, Object> before, Map<String, Object> after) {
}
