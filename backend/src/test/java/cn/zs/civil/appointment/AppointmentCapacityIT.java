package cn.zs.civil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
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
 * A registry office's chief changes the places of one band of one day, on the platform's clock from Monday 2026-06-01
 * 10:00: never below the places booked (the answer says how many), the next booking sees the new number at once
 * ("full" after lowering to the booked places, a booking after raising), a day not yet released opens with the
 * number set, each change is in the audit log with its reason, and bad input is answered field by field.
 */
@ExtendWith(FixedPlatformDay.class)
class AppointmentCapacityIT extends ApiTestBase {

    static final String DIVORCE = "divorce-registration";
    static final String CAPACITY = "/api/appointments/schedule/capacity";

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    static Map<String, Object> booking(String day, String band, String idA, String idB) {
        return Map.of("service", DIVORCE, "office", "huangpu", "day", day, "band", band,
                "partyA", Map.of("name", "陈大文", "idNumber", idA), "partyB", Map.of("name", "林小美", "idNumber", idB));
    }

    static Map<String, Object> change(String day, String band, Object capacity, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("service", DIVORCE);
        body.put("office", "huangpu");
        body.put("day", day);
        body.put("band", band);
        body.put("capacity", capacity);
        body.put("reason", reason);
        return body;
    }

    static JsonNode band(JsonNode schedule, String day, String band) {
        for (JsonNode d : schedule.path("days")) {
            if (d.path("day").asText().equals(day)) {
                for (JsonNode b : d.path("bands")) {
                    if (b.path("band").asText().equals(band)) {
                        return b;
                    }
                }
            }
        }
        throw new AssertionError(day + " " + band + " not in " + schedule);
    }

    int slot(String column, String day, String band) {
        return jdbc.queryForObject("select " + column + " from appt_slot where service_code = ? and office = 'huangpu'"
                + " and slot_day = ? and band = ?", Integer.class, DIVORCE, LocalDate.parse(day), band);
    }

    @Test
    void aChiefNeverGoesBelowTheBookedPlacesAndTheNextBookingSeesTheNewNumberAtOnce() {
        String day = "2026-06-11";
        Api chief = api().as("chief");
        assertThat(api().as("zhangsan").post("/api/appointments", booking(day, "am", Ids.of(25, 1), Ids.of(25, 2)))
                .status()).isEqualTo(201);

        JsonNode before = band(chief.get("/api/appointments/schedule?service=" + DIVORCE + "&office=huangpu").body(),
                day, "am");
        assertThat(before.path("capacity").asInt()).isEqualTo(10);
        assertThat(before.path("booked").asInt()).isEqualTo(1);
        assertThat(before.path("free").asInt()).isEqualTo(9);

        Api.Response below = chief.put(CAPACITY, change(day, "am", 0, "登记员外出培训"));
        assertThat(below.status()).as(below.toString()).isEqualTo(422);
        assertThat(below.body().path("errors").get(0).path("field").asText()).isEqualTo("capacity");
        assertThat(below.body().path("errors").get(0).path("message").asText())
                .isEqualTo("该时段已有1个名额被预约，名额不能少于1。");
        Api.Response belowEn = chief.inEnglish().put(CAPACITY, change(day, "am", 0, "Registrar away"));
        assertThat(belowEn.body().path("errors").get(0).path("message").asText())
                .isEqualTo("One place of this band is already booked; it cannot have fewer than 1.");
        assertThat(slot("capacity", day, "am")).isEqualTo(10);

        Api.Response lowered = chief.put(CAPACITY, change(day, "am", 1, "登记员外出培训"));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(lowered.body().path("before").asInt()).isEqualTo(10);
        assertThat(lowered.body().path("places").path("capacity").asInt()).isEqualTo(1);
        assertThat(lowered.body().path("places").path("free").asInt()).isZero();
        assertThat(slot("capacity", day, "am")).isEqualTo(1);
        assertThat(slot("booked", day, "am")).isEqualTo(1);

        // Lowered to the places booked: the next booking is told "full"; the booking made stands.
        Api li = api().as("lisi");
        Api.Response full = li.post("/api/appointments", booking(day, "am", Ids.of(26, 1), Ids.of(26, 2)));
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(full.body().path("detail").asText()).contains("已约满");
        assertThat(jdbc.queryForObject("select count(*) from appt_booking where slot_day = ? and office = 'huangpu'"
                + " and service_code = ? and band = 'am' and status = 'BOOKED'", Integer.class, LocalDate.parse(day),
                DIVORCE)).isEqualTo(1);

        // Raised right after: the gate that just said "full" is forgotten, the booking goes through.
        Api.Response raised = chief.put(CAPACITY, change(day, "am", 2, "培训改期"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        Api.Response books = li.post("/api/appointments", booking(day, "am", Ids.of(26, 1), Ids.of(26, 2)));
        assertThat(books.status()).as(books.toString()).isEqualTo(201);
        assertThat(slot("booked", day, "am")).isEqualTo(2);
        JsonNode open = api().anonymous().get("/api/public/appointments/availability?service=" + DIVORCE
                + "&office=huangpu").body();
        assertThat(band(open, day, "am").path("free").asInt()).isZero();
        assertThat(band(open, day, "am").path("capacity").asInt()).isEqualTo(2);

        // Who, old → new, why: in the audit log.
        String target = "appt_slot/" + DIVORCE + "/huangpu/" + day + "/am";
        var entries = jdbc.queryForList("select actor_id, before_state, after_state from audit_log"
                + " where action = 'appointment.capacity.set' and target = ? order by id", target);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("actor_id")).isEqualTo("chief");
        assertThat((String) entries.get(0).get("before_state")).contains("\"capacity\":10").contains("\"booked\":1");
        assertThat((String) entries.get(0).get("after_state")).contains("\"capacity\":1").contains("登记员外出培训");
        assertThat((String) entries.get(1).get("after_state")).contains("\"capacity\":2").contains("培训改期");
    }

    @Test
    void aDayNotYetReleasedOpensWithTheNumberTheChiefSet() {
        String day = "2026-06-17";
        Api chief = api().as("chief");
        JsonNode listed = chief.get("/api/appointments/schedule?service=" + DIVORCE + "&office=huangpu&from=" + day
                + "&to=" + day).body();
        assertThat(listed.path("days")).hasSize(1);
        assertThat(listed.path("days").get(0).path("released").asBoolean()).isFalse();
        assertThat(listed.path("days").get(0).path("opensAt").asText()).isEqualTo("2026-06-02 08:30");
        assertThat(band(listed, day, "pm").path("capacity").asInt()).isEqualTo(10);

        Api.Response closed = chief.put(CAPACITY, change(day, "pm", 0, "登记员休假"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        Api.Response more = chief.put(CAPACITY, change(day, "am", "25", "集体婚礼"));
        assertThat(more.status()).as(more.toString()).isEqualTo(200);
        JsonNode after = chief.get("/api/appointments/schedule?service=" + DIVORCE + "&office=huangpu&from=" + day
                + "&to=" + day).body();
        assertThat(band(after, day, "pm").path("capacity").asInt()).isZero();
        assertThat(band(after, day, "pm").path("planned").asInt()).isEqualTo(10);
        assertThat(band(after, day, "am").path("capacity").asInt()).isEqualTo(25);

        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 6, 2, 8, 30).atZone(BusinessTime.ZONE).toInstant()));
        JsonNode open = api().anonymous().get("/api/public/appointments/availability?service=" + DIVORCE
                + "&office=huangpu").body();
        assertThat(band(open, day, "am").path("free").asInt()).isEqualTo(25);
        assertThat(band(open, day, "pm").path("free").asInt()).isZero();
        Api.Response none = api().as("zhangsan").post("/api/appointments", booking(day, "pm", Ids.of(25, 3),
                Ids.of(25, 4)));
        assertThat(none.status()).as(none.toString()).isEqualTo(409);
        assertThat(api().as("zhangsan").post("/api/appointments", booking(day, "am", Ids.of(25, 3), Ids.of(25, 4)))
                .status()).isEqualTo(201);
    }

    @Test
    void badChangesAreAnsweredFieldByFieldInTheReadersLanguage() {
        Api chief = api().as("chief").inEnglish();
        Api.Response past = chief.put(CAPACITY, change("2026-05-29", "noon", -1, " "));
        assertThat(past.status()).as(past.toString()).isEqualTo(422);
        Map<String, String> byField = new HashMap<>();
        past.body().path("errors").forEach(e -> byField.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(byField).containsOnlyKeys("band", "capacity", "reason", "day");
        assertThat(byField.get("day")).isEqualTo("A day that has passed cannot be changed (today is 2026-06-01).");
        assertThat(byField.get("capacity")).isEqualTo("The places must be a whole number from 0 to 500.");
        assertThat(byField.get("reason")).isEqualTo("Give the reason for the change, at most 200 characters.");

        Api.Response weekend = chief.put(CAPACITY, change("2026-06-06", "am", 501, "x".repeat(201)));
        byField.clear();
        weekend.body().path("errors").forEach(e -> byField.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(byField).containsOnlyKeys("day", "capacity", "reason");
        assertThat(byField.get("day")).isEqualTo("The registry office takes no appointments on 2026-06-06.");

        Api.Response words = api().as("chief").put(CAPACITY, change("2026-06-12", "am", "十", "增加"));
        assertThat(words.status()).isEqualTo(422);
        assertThat(words.body().path("errors").get(0).path("message").asText()).isEqualTo("名额须为0至500之间的整数。");
        assertThat(api().as("chief").put(CAPACITY, null).status()).isEqualTo(422);

        Api.Response range = chief.get("/api/appointments/schedule?service=" + DIVORCE
                + "&office=nowhere&from=2026-06-01&to=2026-09-30");
        assertThat(range.status()).isEqualTo(422);
        byField.clear();
        range.body().path("errors").forEach(e -> byField.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(byField).containsOnlyKeys("office", "to");
        assertThat(api().as("clerk-marriage").put(CAPACITY, change("2026-06-12", "am", 5, "增加")).status())
                .isEqualTo(403);
    }
}
