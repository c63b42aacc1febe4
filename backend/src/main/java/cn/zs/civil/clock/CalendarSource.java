package cn.zs.civil.clock;

import java.util.List;

/** Where the calendar reads its schedules from: the database in the application, fixtures in tests. */
interface CalendarSource {

    /** A number that changes whenever any year's schedule changes. */
    long globalVersion();

    List<YearSchedule> loadAll();
}
