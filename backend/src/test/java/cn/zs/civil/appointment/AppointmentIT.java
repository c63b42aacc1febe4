package cn.zs.civil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.FixedPlatformDay;

/**
 * Appointments and the hall through HTTP, on the platform's clock from Monday 2026-06-01 10:00: booking, its
 * repeat, the window and its refusals in both languages, cancellation, check-in, the counter's call with the
 * booking's facts for the form, the public display, a no-show and the bar after two.
 */
@ExtendWith(FixedPlatformDay.class)
class AppointmentIT extends ApiTestBase {

    static final String MARRIAGE = "marriage-registration";

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(BusinessTime.ZONE).toInstant()));
    }

    static Map<String, Object> booking(String office, String day, String band, String idA, String idB) {
        return Map.of("service", MARRIAGE, "office", office, "day", day, "band", band,
                "partyA", Map.of("name", "陈大文", "idNumber", idA, "phone", "13800138000"),
                "partyB", Map.of("name", "林小美", "idNumber", idB));
    }

    @Test
    void anApplicantBooksSeesAndCancelsAndARepeatGivesTheSameBooking() {
        Api zhang = api().as("zhangsan");
        Api.Response first = zhang.post("/api/appointments", booking("huangpu", "2026-06-05", "am", Ids.of(1, 1), Ids.of(1, 2)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String no = first.body().path("bookingNo").asText();
        assertThat(no).startsWith("YY20260605-");
        assertThat(first.body().path("officeName").asText()).isEqualTo("黄圃镇婚姻登记处");
        assertThat(first.body().path("lastCancelDay").asText()).isEqualTo("2026-06-04");

        // the confirmation went into the outbox in the booking's transaction, once per channel (e-mail and SMS)
        assertThat(jdbc.queryForList("select dedupe_key from outbox_message where dedupe_key like ?", String.class,
                "notify:APPOINTMENT_CONFIRMED:account:zhangsan:appointment-" + no + ":%"))
                .hasSize(2).allMatch(k -> k.endsWith(":EMAIL") || k.endsWith(":SMS"));
        assertThat(jdbc.queryForObject("select payload from outbox_message where dedupe_key like ?", String.class,
                "notify:APPOINTMENT_CONFIRMED:account:zhangsan:appointment-" + no + ":EMAIL"))
                .contains("2026-06-05").contains("09:00-12:00").contains("黄圃镇婚姻登记处").doesNotContain("陈大文");

        Api.Response again = zhang.post("/api/appointments", booking("huangpu", "2026-06-05", "am", Ids.of(1, 1), Ids.of(1, 2)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("bookingNo").asText()).isEqualTo(no);
        Api.Response otherBand = zhang.inEnglish().post("/api/appointments", booking("huangpu", "2026-06-05", "pm", Ids.of(1, 1), Ids.of(1, 2)));
        assertThat(otherBand.status()).isEqualTo(409);
        assertThat(otherBand.body().path("detail").asText()).contains("already have an appointment").contains(no);

        JsonNode free = api().anonymous().get("/api/public/appointments/availability?service=" + MARRIAGE + "&office=huangpu").body();
        JsonNode day = null;
        for (JsonNode d : free.path("days")) {
            if (d.path("day").asText().equals("2026-06-05")) {
                day = d;
            }
        }
        assertThat(day).isNotNull();
        assertThat(day.path("open").asBoolean()).isTrue();
        assertThat(day.path("bands").get(0).path("free").asInt()).isEqualTo(29);

        JsonNode mine = zhang.get("/api/appointments/mine").body();
        assertThat(mine.toString()).contains(no);
        assertThat(api().as("lisi").post("/api/appointments/" + no + "/cancel", Map.of()).status()).isEqualTo(404);
        Api.Response cancelled = zhang.post("/api/appointments/" + no + "/cancel", Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select booked from appt_slot where office = 'huangpu' and slot_day = '2026-06-05' and band = 'am'", Integer.class)).isZero();
        // the place and the day are free again for the same person
        assertThat(zhang.post("/api/appointments", booking("huangpu", "2026-06-05", "pm", Ids.of(1, 1), Ids.of(1, 2))).status()).isEqualTo(201);
    }

    @Test
    void theWindowIsTomorrowToFifteenDaysAheadReleasedAtHalfPastEightAndCancellationEndsTheDayBefore() {
        Api zhang = api().as("zhangsan");
        Api.Response today = zhang.post("/api/appointments", booking("xiaolan", "2026-06-01", "am", Ids.of(2, 1), Ids.of(2, 2)));
        assertThat(today.status()).isEqualTo(409);
        assertThat(today.body().path("detail").asText()).isEqualTo("须至少提前一天预约：最早可约2026-06-02。");
        Api.Response far = zhang.inEnglish().post("/api/appointments", booking("xiaolan", "2026-06-17", "am", Ids.of(2, 1), Ids.of(2, 2)));
        assertThat(far.status()).isEqualTo(409);
        assertThat(far.body().path("detail").asText()).isEqualTo("This day is too far ahead; its places are released at 2026-06-02 08:30.");
        Api.Response weekend = zhang.post("/api/appointments", booking("xiaolan", "2026-06-06", "am", Ids.of(2, 1), Ids.of(2, 2)));
        assertThat(weekend.status()).isEqualTo(409);
        assertThat(weekend.body().path("detail").asText()).contains("不是工作日");

        at(LocalDateTime.of(2026, 6, 1, 8, 29));
        Api.Response early = zhang.inEnglish().post("/api/appointments", booking("xiaolan", "2026-06-16", "am", Ids.of(2, 1), Ids.of(2, 2)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("detail").asText()).isEqualTo("The places for this day are not yet released; they open at 2026-06-01 08:30.");
        at(LocalDateTime.of(2026, 6, 1, 8, 30));
        Api.Response released = zhang.post("/api/appointments", booking("xiaolan", "2026-06-16", "am", Ids.of(2, 1), Ids.of(2, 2)));
        assertThat(released.status()).isEqualTo(201);
        Map<String, Object> divorce = new java.util.HashMap<>(booking("xiaolan", "2026-06-02", "pm", Ids.of(2, 1), Ids.of(2, 2)));
        divorce.put("service", "divorce-registration");
        Api.Response tomorrow = zhang.post("/api/appointments", divorce);
        assertThat(tomorrow.status()).isEqualTo(201);

        at(LocalDateTime.of(2026, 6, 2, 0, 1));
        Api.Response late = zhang.post("/api/appointments/" + tomorrow.body().path("bookingNo").asText() + "/cancel", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("detail").asText()).contains("2026-06-01");
    }

    @org.springframework.beans.factory.annotation.Autowired
    AppointmentReminders reminders;

    @Test
    void theDayBeforeFromTenOClockEveryStandingBookingGetsOneReminder() {
        Map<String, Object> divorce = new java.util.HashMap<>(booking("city", "2026-06-08", "pm", Ids.of(6, 1), Ids.of(6, 2)));
        divorce.put("service", "divorce-registration");
        String no = api().as("zhangsan").post("/api/appointments", divorce).body().path("bookingNo").asText();
        String key = "notify:APPOINTMENT_REMINDER:account:zhangsan:appointment-reminder-" + no + ":%";
        at(LocalDateTime.of(2026, 6, 7, 9, 59));
        assertThat(reminders.send()).isZero();
        at(LocalDateTime.of(2026, 6, 7, 10, 0));
        assertThat(reminders.send()).isPositive();
        assertThat(jdbc.queryForList("select dedupe_key from outbox_message where dedupe_key like ?", String.class, key))
                .isNotEmpty();
        int written = jdbc.queryForObject("select count(*) from outbox_message where dedupe_key like ?", Integer.class, key);
        reminders.send();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedupe_key like ?", Integer.class, key))
                .isEqualTo(written);
    }

    @Test
    void aBandThisNodeJustSawFullIsAnsweredAtTheDoorAndAnAnonymousCallerIsStillAskedToSignIn() {
        jdbc.update("insert into appt_slot (service_code, office, slot_day, band, capacity, booked)"
                + " values (?, 'huangpu', ?, 'pm', 1, 1)", MARRIAGE, java.time.LocalDate.parse("2026-06-09"));
        Map<String, Object> request = booking("huangpu", "2026-06-09", "pm", Ids.of(7, 1), Ids.of(7, 2));
        String answeredBy = null;
        // The first request reads the slot's row (full); for a second after it, the node answers at the door. Tried a
        // few times in case a busy machine lets that second pass between the two calls.
        for (int i = 0; i < 5 && answeredBy == null; i++) {
            Api.Response read = api().as("zhangsan").post("/api/appointments", request);
            assertThat(read.status()).as(read.toString()).isEqualTo(409);
            Api.Response door = api().as("lisi").inEnglish().post("/api/appointments", request);
            assertThat(door.status()).as(door.toString()).isEqualTo(409);
            if ("appointment.fullAtTheDoor".equals(door.body().path("code").asText())) {
                answeredBy = door.body().path("detail").asText();
            }
        }
        assertThat(answeredBy).isEqualTo("This time band on 2026-06-09 is full. Choose another band or day. A booking"
                + " you have already made stands: see My appointments.");
        // Nobody signed in: asked to, as before; the door does not answer for a caller without credentials.
        api().as("zhangsan").post("/api/appointments", request);
        assertThat(api().anonymous().post("/api/appointments", request).status()).isEqualTo(401);
        // A body the door cannot read goes on to the endpoint, which answers it field by field.
        assertThat(api().as("zhangsan").post("/api/appointments", Map.of("day", "soon")).status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from appt_booking where slot_day = ? and office = 'huangpu'"
                + " and band = 'pm'", Integer.class, java.time.LocalDate.parse("2026-06-09"))).isZero();
    }

    @Test
    void theDoorLetsInAsManyAsThereArePlacesAndARequestThatBooksNothingGivesItsPlaceBack() {
        jdbc.update("insert into appt_slot (service_code, office, slot_day, band, capacity, booked)"
                + " values (?, 'huangpu', ?, 'am', 1, 0)", MARRIAGE, java.time.LocalDate.parse("2026-06-10"));
        Map<String, Object> request = booking("huangpu", "2026-06-10", "am", Ids.of(8, 1), Ids.of(8, 2));
        // Each of these goes in with the band's one place and books nothing (a failed sign-in; a staff account; a
        // body the endpoint refuses): the place is back for the next request.
        String wrongPassword = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "zhangsan:not-the-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api().anonymous().post("/api/appointments", request, Map.of("Authorization", wrongPassword))
                .status()).isEqualTo(401);
        assertThat(api().as("clerk-marriage").post("/api/appointments", request).status()).isEqualTo(403);
        Map<String, Object> unnamed = new java.util.HashMap<>(request);
        unnamed.put("partyA", Map.of("name", "", "idNumber", Ids.of(8, 1)));
        assertThat(api().as("lisi").post("/api/appointments", unnamed).status()).isEqualTo(422);

        Api.Response booked = api().as("zhangsan").post("/api/appointments", request);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        // The place is taken: the next request is told at the door, before its sign-in is even looked at.
        Map<String, Object> other = booking("huangpu", "2026-06-10", "am", Ids.of(8, 3), Ids.of(8, 4));
        Api.Response full = api().as("lisi").inEnglish().post("/api/appointments", other);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().path("code").asText()).isEqualTo("appointment.fullAtTheDoor");
        assertThat(api().anonymous().post("/api/appointments", other, Map.of("Authorization", wrongPassword))
                .body().path("code").asText()).isEqualTo("appointment.fullAtTheDoor");
        assertThat(jdbc.queryForObject("select booked from appt_slot where office = 'huangpu' and slot_day = ?"
                + " and band = 'am'", Integer.class, java.time.LocalDate.parse("2026-06-10"))).isEqualTo(1);
    }

    @Test
    void badInputIsToldFieldByFieldInTheReadersLanguage() {
        Map<String, Object> bad = Map.of("service", MARRIAGE, "office", "nowhere", "day", "June 5", "band", "am",
                "partyA", Map.of("name", "x".repeat(51), "idNumber", "442000199501010000"),
                "partyB", Map.of("name", "林小美", "idNumber", Ids.of(3, 1), "phone", "call me"));
        Api.Response r = api().as("zhangsan").inEnglish().post("/api/appointments", bad);
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = r.body().path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("office", "day", "partyA.name", "partyA.idNumber", "partyB.phone");
        assertThat(r.body().toString()).contains("Enter a valid 18-character resident ID number.");
        assertThat(api().as("zhangsan").post("/api/appointments", null).status()).isEqualTo(422);
        assertThat(api().as("clerk-marriage").post("/api/appointments", bad).status()).isEqualTo(403);
    }

    @Test
    void theHallChecksInTheCounterCallsWithTheBookingsFactsAndTheDisplayShowsNumbersOnly() {
        Api zhang = api().as("zhangsan");
        String idA = Ids.of(4, 1);
        String no = zhang.post("/api/appointments", booking("city", "2026-06-02", "am", idA, Ids.of(4, 2))).body()
                .path("bookingNo").asText();

        at(LocalDateTime.of(2026, 6, 2, 9, 40));
        Api reception = api().as("clerk-marriage");
        Api.Response walkIn = reception.post("/api/hall/city/walk-in", Map.of("service", MARRIAGE));
        assertThat(walkIn.status()).isEqualTo(200);
        assertThat(walkIn.body().path("ticketNo").asText()).isEqualTo("B001");
        Api.Response ticket = reception.post("/api/hall/city/check-in", Map.of("reference", idA));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        assertThat(ticket.body().path("ticketNo").asText()).isEqualTo("A001");
        assertThat(ticket.body().path("waitingAhead").asInt()).isZero();
        assertThat(reception.post("/api/hall/city/check-in", Map.of("reference", no)).body().path("ticketNo").asText())
                .isEqualTo("A001");
        assertThat(reception.post("/api/hall/xiaolan/check-in", Map.of("reference", no)).status()).isEqualTo(409);

        assertThat(api().as("clerk-funeral").post("/api/hall/city/call", Map.of("service", MARRIAGE, "counter", "3")).status())
                .isEqualTo(403);
        Api counter = api().as("clerk-marriage");
        Api.Response call = counter.post("/api/hall/city/call", Map.of("service", MARRIAGE, "counter", "3"));
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.body().path("ticket").path("ticketNo").asText()).isEqualTo("A001");
        JsonNode prefill = call.body().path("prefill");
        assertThat(prefill.path("appointmentNo").asText()).isEqualTo(no);
        assertThat(prefill.path("district").asText()).isEqualTo("shiqi");
        assertThat(prefill.path("partyAName").asText()).isEqualTo("陈大文");
        assertThat(prefill.path("partyAIdNumber").asText()).isEqualTo(idA);
        assertThat(prefill.path("partyAPhone").asText()).isEqualTo("13800138000");

        Api.Response display = api().anonymous().get("/api/public/hall/city/display");
        assertThat(display.status()).isEqualTo(200);
        assertThat(display.body().path("called").get(0).path("ticketNo").asText()).isEqualTo("A001");
        assertThat(display.body().path("called").get(0).path("counter").asText()).isEqualTo("3");
        assertThat(display.text()).doesNotContain("陈大文").doesNotContain(idA).doesNotContain(no);
        assertThat(display.body().path("waiting").toString()).contains("\"waiting\":1");

        assertThat(counter.post("/api/hall/tickets/" + call.body().path("ticket").path("id").asLong() + "/recall", Map.of())
                .body().path("ticket").path("calls").asInt()).isEqualTo(2);
        assertThat(counter.get("/api/hall/city/my-calls").body().size()).isEqualTo(1);
        assertThat(counter.post("/api/hall/tickets/" + call.body().path("ticket").path("id").asLong() + "/served", Map.of())
                .body().path("status").asText()).isEqualTo("SERVED");
        Api.Response second = counter.post("/api/hall/city/call", Map.of("service", MARRIAGE, "counter", "3"));
        assertThat(second.body().path("ticket").path("ticketNo").asText()).isEqualTo("B001");
        assertThat(second.body().path("prefill").has("appointmentNo")).isFalse();
        counter.post("/api/hall/tickets/" + second.body().path("ticket").path("id").asLong() + "/no-show", Map.of());
        Api.Response none = counter.inEnglish().post("/api/hall/city/call", Map.of("service", MARRIAGE, "counter", "3"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.body().path("detail").asText()).isEqualTo("Nobody is waiting for this service now.");

        JsonNode figures = api().as("manager").get("/api/reports/hall?day=2026-06-02").body();
        JsonNode marriage = figures.path("services").findParents("service").stream()
                .filter(s -> s.path("service").asText().equals(MARRIAGE)).findFirst().orElseThrow();
        assertThat(marriage.path("tickets").asInt()).isEqualTo(2);
        assertThat(marriage.path("served").asInt()).isEqualTo(1);
        assertThat(marriage.path("noShows").asInt()).isEqualTo(1);
        assertThat(marriage.path("waitP50Minutes").isNumber()).isTrue();
        assertThat(api().as("clerk-marriage").get("/api/reports/hall").status()).isEqualTo(403);
        assertThat(zhang.get("/api/appointments/mine").toString()).contains("SERVED");
    }

    @Test
    void twoNoShowsWithinThirtyDaysBarBookingUntilFifteenDaysAfterTheSecond() {
        Api li = api().as("lisi");
        String first = li.post("/api/appointments", booking("xiaolan", "2026-06-03", "am", Ids.of(5, 1), Ids.of(5, 2)))
                .body().path("bookingNo").asText();
        Api.Response second = li.post("/api/appointments", booking("xiaolan", "2026-06-04", "am", Ids.of(5, 1), Ids.of(5, 2)));
        assertThat(second.status()).isEqualTo(201);
        // the first: checked in, called, nobody came to the counter
        at(LocalDateTime.of(2026, 6, 3, 9, 0));
        Api clerk = api().as("clerk-marriage");
        assertThat(clerk.post("/api/hall/xiaolan/check-in", Map.of("reference", first)).status()).isEqualTo(200);
        long ticket = clerk.post("/api/hall/xiaolan/call", Map.of("service", MARRIAGE, "counter", "1")).body()
                .path("ticket").path("id").asLong();
        assertThat(clerk.post("/api/hall/tickets/" + ticket + "/no-show", Map.of()).status()).isEqualTo(200);
        // one no-show does not bar
        Api.Response still = li.post("/api/appointments", booking("xiaolan", "2026-06-10", "am", Ids.of(5, 1), Ids.of(5, 2)));
        assertThat(still.status()).isEqualTo(201);
        li.post("/api/appointments/" + still.body().path("bookingNo").asText() + "/cancel", Map.of());
        // the second: never came (the day passed)
        at(LocalDateTime.of(2026, 6, 5, 9, 0));
        Api.Response barred = li.post("/api/appointments", booking("xiaolan", "2026-06-12", "am", Ids.of(5, 1), Ids.of(5, 2)));
        assertThat(barred.status()).isEqualTo(409);
        assertThat(barred.body().path("detail").asText()).isEqualTo("您在30日内爽约已达2次，2026-06-19（含）之前不能预约。");
        assertThat(li.inEnglish().get("/api/appointments/mine").body().findValuesAsText("status")).contains("NO_SHOW");
        at(LocalDateTime.of(2026, 6, 20, 9, 0));
        assertThat(li.post("/api/appointments", booking("xiaolan", "2026-06-22", "am", Ids.of(5, 1), Ids.of(5, 2))).status())
                .isEqualTo(201);
    }
}
