package cn.zs.civil.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.CaseDriver;
import cn.zs.civil.support.FixedPlatformDay;

/**
 * Domain brief §1(c-1) step 0: at the counter the appointment named on the check-in must be a booking of that day,
 * for that business, of the two people who appear; else the check-in is refused field by field and nothing is created.
 * Bookings made on Monday 2026-06-01 (the platform's day), used on the days after.
 */
@ExtendWith(FixedPlatformDay.class)
class BookedPartiesAppearIT extends ApiTestBase {

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(BusinessTime.ZONE).toInstant()));
    }

    @Autowired
    private AppointmentService appointments;
    @Autowired
    private HistoryService history;

    /** An applicant of this test's own, so that its bookings count for nobody else's no-show rule. */
    private static final PlatformUser COUPLE = new PlatformUser("r77-couple", "唐浩", Set.of("applicant"), Set.of(),
            Set.of());

    private String book(String service, String day, String idA, String idB) {
        return appointments.book(COUPLE, new AppointmentService.BookRequest(service, "city", day, "am",
                new AppointmentService.Party("唐浩", idA, null), new AppointmentService.Party("宋佳", idB, null)),
                Locale.CHINA).booking().bookingNo();
    }

    private static Map<String, Object> marriage(String appointmentNo, String idA, String idB) {
        Map<String, Object> data = CaseDriver.couple("唐浩", idA, "SINGLE", "宋佳", idB, "SINGLE");
        data.put("appointmentNo", appointmentNo);
        return data;
    }

    private Api.Response submit(Api as, String service, Map<String, Object> data) {
        return as.post("/api/applications", Map.of("serviceCode", service, "data", data));
    }

    private static JsonNode onlyError(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.body().path("errors").size()).as(r.toString()).isEqualTo(1);
        return r.body().path("errors").get(0);
    }

    /** The case's channel as written at its submission, and the engine's copy it started with. */
    private String channel(String applicationNo) {
        String written = jdbc.queryForObject("select channel from application where application_no = ?", String.class,
                applicationNo);
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
                .singleResult().getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("channel")
                .singleResult().getValue()).isEqualTo(written);
        return written;
    }

    @Test
    void aCheckInWithAMatchedBookingIsBookedOnlineAndOneWithoutIsAWalkIn() {
        String man = PartyIds.of(10, 4, true);
        String woman = PartyIds.of(10, 4, false);
        String booking = book("marriage-registration", "2026-06-11", man, woman);
        Api counter = api().as("clerk-marriage");
        at(LocalDateTime.of(2026, 6, 11, 10, 0));
        Api.Response booked = submit(counter, "marriage-registration", marriage(booking, man, woman));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(channel(booked.body().path("applicationNo").asText())).isEqualTo("BOOKED");

        // The next couple walks in without a booking (an empty number is none).
        Map<String, Object> walkIn = marriage("", PartyIds.of(10, 5, true), PartyIds.of(10, 5, false));
        Api.Response counterCase = submit(counter, "marriage-registration", walkIn);
        assertThat(counterCase.status()).as(counterCase.toString()).isEqualTo(201);
        assertThat(channel(counterCase.body().path("applicationNo").asText())).isEqualTo("COUNTER");
        walkIn = marriage(null, PartyIds.of(10, 6, true), PartyIds.of(10, 6, false));
        walkIn.remove("appointmentNo");
        Api.Response noField = submit(counter, "marriage-registration", walkIn);
        assertThat(noField.status()).as(noField.toString()).isEqualTo(201);
        assertThat(channel(noField.body().path("applicationNo").asText())).isEqualTo("COUNTER");
    }

    @Test
    void theBookedCoupleIsServedOnItsDayAndAnyOtherBookingDayBusinessOrPersonIsRefused_R77() {
        String man = PartyIds.of(10, 1, true);
        String woman = PartyIds.of(10, 1, false);
        String stranger = PartyIds.of(10, 2, false);
        String marriageBooking = book("marriage-registration", "2026-06-09", man, woman);
        String divorceBooking = book("divorce-registration", "2026-06-09", PartyIds.of(10, 3, true),
                PartyIds.of(10, 3, false));
        String cancelled = book("marriage-registration", "2026-06-10", man, woman);
        appointments.cancel(COUPLE, cancelled, Locale.CHINA);
        Api counter = api().as("clerk-marriage");
        int cases = count("select count(*) from application where service_code = 'marriage-registration'");

        // The day before: not yet its day.
        at(LocalDateTime.of(2026, 6, 8, 9, 30));
        JsonNode early = onlyError(submit(counter, "marriage-registration", marriage(marriageBooking, man, woman)));
        assertThat(early.path("field").asText()).isEqualTo("appointmentNo");
        assertThat(early.path("code").asText()).isEqualTo("marriage.booking.OTHER_DAY");
        assertThat(early.path("message").asText()).isEqualTo("预约" + marriageBooking
                + "是2026-06-09的预约，不是今天的，不能凭此预约办理。");

        at(LocalDateTime.of(2026, 6, 9, 9, 30));
        JsonNode unknown = onlyError(submit(counter, "marriage-registration",
                marriage("YY20260609-00000000", man, woman)));
        assertThat(unknown.path("field").asText()).isEqualTo("appointmentNo");
        assertThat(unknown.path("code").asText()).isEqualTo("marriage.booking.UNKNOWN");

        // Someone else appears in the bride's place: refused on her field, in the reader's language.
        JsonNode other = onlyError(submit(counter.inEnglish(), "marriage-registration",
                marriage(marriageBooking, man, stranger)));
        assertThat(other.path("field").asText()).isEqualTo("partyBIdNumber");
        assertThat(other.path("label").asText()).isEqualTo("Party B's document number");
        assertThat(other.path("message").asText()).isEqualTo("This party is not one of the people booked under"
                + " appointment " + marriageBooking + ": the people booked must be the people who appear.");

        // A divorce booking does not serve a marriage.
        JsonNode business = onlyError(submit(counter, "marriage-registration",
                marriage(divorceBooking, PartyIds.of(10, 3, true), PartyIds.of(10, 3, false))));
        assertThat(business.path("field").asText()).isEqualTo("appointmentNo");
        assertThat(business.path("message").asText()).contains("“离婚登记”");

        // Nor a marriage booking a divorce application.
        Map<String, Object> divorce = CaseDriver.divorceApplication("唐浩", man, "宋佳", woman,
                "J442000-2020-000321");
        divorce.put("appointmentNo", marriageBooking);
        assertThat(onlyError(submit(counter, "divorce-registration", divorce)).path("code").asText())
                .isEqualTo("marriage.booking.OTHER_SERVICE");
        assertThat(count("select count(*) from application where service_code = 'marriage-registration'"))
                .isEqualTo(cases);

        // The booked couple, in either order and with the number typed in lower case, is served.
        Map<String, Object> booked = CaseDriver.couple("宋佳", woman, "SINGLE", "唐浩", man, "SINGLE");
        booked.put("appointmentNo", marriageBooking.toLowerCase());
        Api.Response served = submit(counter, "marriage-registration", booked);
        assertThat(served.status()).as(served.toString()).isEqualTo(201);
        // Used by the case: not counted as a no-show once the day is over.
        assertThat(jdbc.queryForObject("select status from appt_booking where booking_no = ?", String.class,
                marriageBooking)).isEqualTo("SERVED");
        // The case came through the online platform: booked online, handled at the counter (网上办理率 counts it).
        assertThat(channel(served.body().path("applicationNo").asText())).isEqualTo("BOOKED");

        // A cancelled booking serves nobody, even on its day.
        at(LocalDateTime.of(2026, 6, 10, 9, 30));
        assertThat(onlyError(submit(counter, "marriage-registration", marriage(cancelled, man, woman))).path("code")
                .asText()).isEqualTo("marriage.booking.CANCELLED");
    }
}
