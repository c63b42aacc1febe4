package cn.zs.civil.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the bundled State Council schedules, {@code clock/cn-public-holidays.json}. */
final class CalendarSeedFile {

    static final String LOCATION = "clock/cn-public-holidays.json";

    private CalendarSeedFile() {
    }

    static List<YearSchedule> readBundled() {
        try (InputStream in = CalendarSeedFile.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + LOCATION);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<YearSchedule> read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<YearSchedule> schedules = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> years = root.path("years").fields();
        while (years.hasNext()) {
            Map.Entry<String, JsonNode> entry = years.next();
            List<Holiday> holidays = new ArrayList<>();
            for (JsonNode h : entry.getValue().path("holidays")) {
                holidays.add(new Holiday(h.path("name").asText(), h.path("en").asText(null),
                        LocalDate.parse(h.path("from").asText()), LocalDate.parse(h.path("to").asText())));
            }
            List<LocalDate> workdays = new ArrayList<>();
            for (JsonNode d : entry.getValue().path("adjustedWorkdays")) {
                workdays.add(LocalDate.parse(d.asText()));
            }
            schedules.add(new YearSchedule(Integer.parseInt(entry.getKey()), holidays, workdays));
        }
        return schedules;
    }
}
