package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CalendarMapper {

    record YearRow(int year, long version, String origin, String updatedBy, Instant updatedAt) {
    }

    record HolidayRow(int year, String name, String en, LocalDate from, LocalDate to) {
    }

    record WorkdayRow(int year, LocalDate day) {
    }

    Long selectGlobalVersion();

    /** Also takes the row lock that serialises all calendar writers, across nodes. */
    int bumpGlobalVersion(@Param("at") Instant at);

    List<YearRow> selectYears();

    YearRow selectYear(@Param("year") int year);

    /** All holidays, or those of one year when {@code year} is not null; ordered by year and first day. */
    List<HolidayRow> selectHolidays(@Param("year") Integer year);

    List<WorkdayRow> selectWorkdays(@Param("year") Integer year);

    int insertYear(@Param("row") YearRow row);

    int updateYear(@Param("row") YearRow row);

    int deleteHolidays(@Param("year") int year);

    int deleteWorkdays(@Param("year") int year);

    int insertHolidays(@Param("year") int year, @Param("holidays") List<Holiday> holidays);

    int insertWorkdays(@Param("year") int year, @Param("days") List<LocalDate> days);
}
