package cn.zs.civil.appointment;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The appointment rules that are configuration ([S] Zhongshan guidance in the domain brief §1(c-1) step 0):
 * per service the daily release time, how many days ahead a day may be booked, how many days before it a booking
 * may still be cancelled, and its time bands with their capacity per office; the registry offices; the no-show
 * rule; the special dates with their extra places; the hall's priority rules; when the reminder of the day before
 * goes out; the most places a registry office's chief may give one band of one day ({@code maxPlaces}).
 */
@ConfigurationProperties("platform.appointments")
public record AppointmentProperties(Map<String, Service> services, List<Office> offices, NoShow noShow,
        List<SpecialDate> specialDates, int announceDays, Hall hall, String remindAt, int maxPlaces) {

    public AppointmentProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        offices = offices == null ? List.of() : List.copyOf(offices);
        noShow = noShow == null ? new NoShow(2, 30, 15) : noShow;
        specialDates = specialDates == null ? List.of() : List.copyOf(specialDates);
        announceDays = announceDays <= 0 ? 30 : announceDays;
        hall = hall == null ? new Hall(true, 30, 30) : hall;
        remindAt = remindAt == null || remindAt.isBlank() ? "10:00" : remindAt;
        LocalTime.parse(remindAt);
        maxPlaces = maxPlaces <= 0 ? 500 : maxPlaces;
    }

    /** The time of the day before an appointment from which its reminder is sent. */
    public LocalTime reminderTime() {
        return LocalTime.parse(remindAt);
    }

    /** A bookable service: released daily at releaseTime for the day maxDaysAhead ahead; bookable from minDaysAhead. */
    public record Service(String releaseAt, int minDaysAhead, int maxDaysAhead, int cancelDaysBefore,
            List<Band> bands) {
        public Service {
            releaseAt = releaseAt == null || releaseAt.isBlank() ? "08:30" : releaseAt;
            LocalTime.parse(releaseAt);
            minDaysAhead = Math.max(0, minDaysAhead);
            maxDaysAhead = maxDaysAhead <= 0 ? 15 : Math.max(maxDaysAhead, minDaysAhead);
            cancelDaysBefore = Math.max(0, cancelDaysBefore);
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        public Band band(String code) {
            return bands.stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
        }

        public LocalTime releaseTime() {
            return LocalTime.parse(releaseAt);
        }
    }

    /** A time band of a day (e.g. 09:00-12:00) with its places per office on an ordinary day. */
    public record Band(String code, String start, String end, int capacity) {
        public Band {
            LocalTime.parse(start);
            LocalTime.parse(end);
        }

        public LocalTime from() {
            return LocalTime.parse(start);
        }

        public LocalTime to() {
            return LocalTime.parse(end);
        }
    }

    /** A registry office; its district is what the counter's form records as the registry's town or street. */
    public record Office(String code, String district, String zh, String en) {
        public String name(boolean english) {
            return english ? en : zh;
        }
    }

    /** {@code count} no-shows within {@code withinDays} bar booking for {@code barDays} after the last one. */
    public record NoShow(int count, int withinDays, int barDays) {
    }

    /**
     * A special date: every year on {@code day} "05-20" or once on "2027-05-20", with extra places per band, open
     * even on a rest day if {@code openOnRestDay}; announced {@code announceDays} ahead of the properties.
     */
    public record SpecialDate(String day, int extra, boolean openOnRestDay, String zh, String en) {
        public SpecialDate {
            if (day == null || !(day.matches("\\d{2}-\\d{2}") || day.matches("\\d{4}-\\d{2}-\\d{2}"))) {
                throw new IllegalArgumentException("platform.appointments.special-dates: day is MM-dd or yyyy-MM-dd: " + day);
            }
            extra = Math.max(0, extra);
        }

        public boolean matches(java.time.LocalDate on) {
            return day.length() == 5 ? MonthDay.from(on).equals(MonthDay.parse("--" + day)) : on.toString().equals(day);
        }

        public String name(boolean english) {
            return english ? en : zh;
        }
    }

    /**
     * The hall: appointments checked in from {@code earlyMinutes} before their band to {@code lateMinutes} after it
     * are called before walk-ins when {@code appointmentsFirst}; otherwise everyone in the order of arrival.
     */
    public record Hall(boolean appointmentsFirst, int earlyMinutes, int lateMinutes) {
    }

    public Office office(String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst().orElse(null);
    }
}
