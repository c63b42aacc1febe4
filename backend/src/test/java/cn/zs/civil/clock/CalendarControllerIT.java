package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

// The controller over the real services and an H2 database. Security is the other module's: method security is
// checked here only as far as every handler declaring its rule.
@ClockDbTest
class CalendarControllerIT {

    @Autowired
    private CalendarController controller;
    @Autowired
    private ObjectMapper objectMapper;

    private MockMvc mvc;

    /** Renders ErrorResponseExceptions as problem+json, as the application's global advice does. */
    @ControllerAdvice
    static class ProblemAdvice extends ResponseEntityExceptionHandler {
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemAdvice())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(objectMapper))
                .build();
    }

    @Test
    void answersTheTwentyWorkingDayDeadlineFrom2026_02_13() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-13").param("workingDays", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-03-19"))
                .andExpect(jsonPath("$.rule").value("ALL_ART_82_WORKING_DAYS"))
                .andExpect(jsonPath("$.warnings", empty()));
    }

    @Test
    void answersTheCoolingOffDeadlineInCalendarDays() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-09-03").param("calendarDays", "30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-10-08"))
                .andExpect(jsonPath("$.rule").value("CIVIL_CODE_ART_201_203_CALENDAR_DAYS"));
    }

    @Test
    void showsTheMissingYearWarningToTheCaller() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2031-03-03").param("workingDays", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings", contains("CALENDAR_YEAR_MISSING:2031")));
    }

    @Test
    void rejectsAnUnreadableDeadlineQuestionWithTheFieldsInErrors() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-30").param("workingDays", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("from", "workingDays")));
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-13"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void rejectsAnAdjustedWorkdayThatIsAWeekdayWith422() throws Exception {
        String body = """
                {"holidays": [{"name": "元旦", "en": "New Year's Day", "from": "2033-01-01", "to": "2033-01-03"}],
                 "adjustedWorkdays": ["2033-01-05"]}""";

        mvc.perform(put("/api/calendar/years/2033").contentType(MediaType.APPLICATION_JSON).content(body)
                        .principal(new UsernamePasswordAuthenticationToken("admin-zhao", "n/a")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("adjustedWorkdays[0]"));
        mvc.perform(get("/api/calendar/years/2033")).andExpect(status().isNotFound());
    }

    @Test
    void anAdminPutsAYearAndEveryoneCanReadIt() throws Exception {
        String body = """
                {"holidays": [{"name": "元旦", "en": "New Year's Day", "from": "2034-01-01", "to": "2034-01-02"}],
                 "adjustedWorkdays": ["2034-01-07"]}""";

        mvc.perform(put("/api/calendar/years/2034").contentType(MediaType.APPLICATION_JSON).content(body)
                        .principal(new UsernamePasswordAuthenticationToken("admin-zhao", "n/a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.updatedBy").value("admin-zhao"));
        mvc.perform(get("/api/calendar/years/2034"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays[0].from").value("2034-01-01"))
                .andExpect(jsonPath("$.adjustedWorkdays[0]").value("2034-01-07"));
        mvc.perform(get("/api/calendar/years"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == 2034)].version", contains(1)));
        mvc.perform(get("/api/calendar/years/twenty")).andExpect(status().isBadRequest());
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        Method[] handlers = Arrays.stream(CalendarController.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(RequestMapping.class)
                        || Arrays.stream(m.getAnnotations()).anyMatch(
                                a -> a.annotationType().isAnnotationPresent(RequestMapping.class)))
                .toArray(Method[]::new);

        assertThat(handlers).hasSize(5).allSatisfy(m -> assertThat(m.getAnnotation(PreAuthorize.class)).isNotNull());
        assertThat(Arrays.stream(handlers).filter(m -> m.getName().equals("replaceYear")).findFirst().orElseThrow()
                .getAnnotation(PreAuthorize.class).value()).isEqualTo("hasRole('admin')");
    }
}
