package cn.zs.civil.marriage;

import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.clock.WorkingDayCalendar;
import cn.zs.civil.support.BundledClock;

/** The real {@code clock} and {@code divorcePeriods} beans without Spring, on the bundled holiday schedules. */
final class MarriageTestClocks {

    private final BundledClock bundled;

    private MarriageTestClocks(BundledClock bundled) {
        this.bundled = bundled;
    }

    static MarriageTestClocks bundledCalendar() {
        return new MarriageTestClocks(BundledClock.create());
    }

    BundledClock bundled() {
        return bundled;
    }

    StatutoryClock clock() {
        return bundled.clock();
    }

    WorkingDayCalendar calendar() {
        return bundled.calendar();
    }

    DivorcePeriods divorcePeriods() {
        return new DivorcePeriods(bundled.clock(), bundled.calendar());
    }
}
