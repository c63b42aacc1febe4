package cn.zs.civil.clock;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/calendar/years/{year}}: the whole schedule of the year, replacing what was there.
 * Dates are ISO strings rather than {@link java.time.LocalDate} so that an unparseable one is reported with its field
 * like every other mistake instead of failing the whole body.
 *
 * @param adjustedWorkdays weekend days that are working days (调休上班); null means none
 */
public record CalendarYearRequest(
        @NotEmpty @Size(max = 40) List<@Valid HolidayRequest> holidays,
        @Size(max = 40) List<@NotBlank String> adjustedWorkdays) {

    /**
     * @param name the Chinese name as published, e.g. 春节
     * @param en the English name
     * @param from first rest day, yyyy-MM-dd
     * @param to last rest day, yyyy-MM-dd, included
     */
    public record HolidayRequest(
            @NotBlank @Size(max = 64) String name,
            @Size(max = 128) String en,
            @NotBlank String from,
            @NotBlank String to) {
    }
}
