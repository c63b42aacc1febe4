package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import cn.zs.civil.problem.ApiException;
import cn.zs.civil.web.ProblemResponses;

// The controller over the real services and an H2 database. Security is the other module's: method security is
// checked here only as far as every handler declaring its rule.
@ClockDbTest
class CalendarControllerIT {

    @Autowired
    private CalendarController controller;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private MessageSource messages;

    private MockMvc mvc;

    /**
     * Renders the problems in the one shape of {@code web.ProblemResponses}, in the reader's language, as the
     * application's advice does (which also audits refusals; not needed here).
     */
    @RestControllerAdvice
    static class Problems {

        private final MessageSource messages;

        Problems(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(ApiException.class)
        ResponseEntity<ProblemDetail> api(ApiException e) {
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemResponses.detail(messages, LocaleContextHolder.getLocale(), e.status(),
                            e.messageKey(), e.fieldProblems(), e.args()));
        }
    }

    @BeforeEach
    void setUp() {
        // The application's locale resolution: Chinese unless the caller asks for English.
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        locales.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new Problems(messages))
                .setLocaleResolver(locales)
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
    void rejectsAnUnreadableDeadlineQuestionFieldByFieldInChinese() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-30").param("workingDays", "many")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("clock.deadline.unreadable"))
                .andExpect(jsonPath("$.title").value("请求有误"))
                .andExpect(jsonPath("$.detail").value("无法计算期限，请按提示逐项修改。"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].label").value("起算日"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.date.invalid"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("“起算日”不是有效的日期，请按“年-月-日”填写，例如2026-10-01。"))
                .andExpect(jsonPath("$.errors[1].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[1].label").value("工作日天数"))
                .andExpect(jsonPath("$.errors[1].code").value("clock.deadline.daysOutOfRange"))
                .andExpect(jsonPath("$.errors[1].message").value("“工作日天数”应为0至3660之间的整数。"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(get("/api/calendar/deadline").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].code").value("form.required"))
                .andExpect(jsonPath("$.errors[0].message").value("“起算日”为必填项。"))
                .andExpect(jsonPath("$.errors[1].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[1].code").value("clock.deadline.oneOfDays"))
                .andExpect(jsonPath("$.errors[1].message").value("请在“工作日天数”和“自然日天数”中填写且只填写一项。"));
    }

    @Test
    void rejectsAnUnreadableDeadlineQuestionFieldByFieldInEnglish() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-30").param("workingDays", "many")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("clock.deadline.unreadable"))
                .andExpect(jsonPath("$.detail").value("The deadline cannot be worked out; correct each item as shown."))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].label").value("Start date"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("\"Start date\" is not a valid date; write it as year-month-day, e.g. 2026-10-01."))
                .andExpect(jsonPath("$.errors[1].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[1].label").value("Working days"))
                .andExpect(jsonPath("$.errors[1].message").value("\"Working days\" must be a whole number from 0 to 3660."));
        mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-13").param("workingDays", "5")
                        .param("calendarDays", "5").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("calendarDays"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.deadline.oneOfDays"))
                .andExpect(jsonPath("$.errors[0].message").value("Give exactly one of \"Working days\" and \"Calendar days\"."));
    }

    @Test
    void rejectsAnAdjustedWorkdayThatIsAWeekdayWith422InChineseAndEnglish() throws Exception {
        String body = """
                {"holidays": [{"name": "元旦", "en": "New Year's Day", "from": "2033-01-01", "to": "2033-01-03"}],
                 "adjustedWorkdays": ["2033-01-05", "2033-01-02"]}""";

        putYear("2033", body, "zh-CN")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("clock.calendar.invalid"))
                .andExpect(jsonPath("$.title").value("填写内容有误"))
                .andExpect(jsonPath("$.detail").value("2033年的放假安排有2处不符合规则，请按提示逐项修改，全部改正后才会保存。"))
                .andExpect(jsonPath("$.errors[0].field").value("adjustedWorkdays[0]"))
                .andExpect(jsonPath("$.errors[0].label").value("第1个调休上班日"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.workday.notWeekend"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "“第1个调休上班日”（2033-01-05）是星期三，本来就是工作日：只有星期六、星期日才能调为上班日。"))
                .andExpect(jsonPath("$.errors[1].field").value("adjustedWorkdays[1]"))
                .andExpect(jsonPath("$.errors[1].code").value("clock.workday.inHoliday"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "“第2个调休上班日”（2033-01-02）在节假日“元旦”之内，不能同时是上班日。"))
                .andExpect(jsonPath("$.errors.length()").value(2));

        putYear("2033", body, "en")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("clock.calendar.invalid"))
                .andExpect(jsonPath("$.detail").value("The 2033 holiday schedule breaks 2 rules; correct each item as"
                        + " shown. Nothing is saved until all are corrected."))
                .andExpect(jsonPath("$.errors[0].label").value("Adjusted working day 1"))
                .andExpect(jsonPath("$.errors[0].message").value("\"Adjusted working day 1\" (2033-01-05) is a"
                        + " Wednesday, already a working day: only a Saturday or Sunday can be made a working day."))
                .andExpect(jsonPath("$.errors[1].message").value("\"Adjusted working day 2\" (2033-01-02) falls"
                        + " within the holiday \"New Year's Day\"; it cannot also be a working day."));

        mvc.perform(get("/api/calendar/years/2033").header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("clock.calendar.yearNotLoaded"))
                .andExpect(jsonPath("$.detail").value("2033年的节假日安排尚未载入。"));
        mvc.perform(get("/api/calendar/years/2033").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No holiday schedule for 2033 has been loaded."));
    }

    @Test
    void rejectsAnUnreadableUploadWith400FieldByFieldInChineseAndEnglish() throws Exception {
        String body = """
                {"holidays": [{"name": " ", "from": "2033-02-30", "to": "2033-02-01"}],
                 "adjustedWorkdays": ["next Saturday"]}""";

        putYear("2033", body, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("clock.calendar.unreadable"))
                .andExpect(jsonPath("$.detail").value("2033年的放假安排有无法识别的内容，请按提示逐项修改。"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("adjustedWorkdays[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.date.invalid"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("“第1个调休上班日”不是有效的日期，请按“年-月-日”填写，例如2026-10-01。"))
                .andExpect(jsonPath("$.errors[1].field").value("holidays[0].from"))
                .andExpect(jsonPath("$.errors[1].label").value("第1个节假日的第一天"))
                .andExpect(jsonPath("$.errors[1].code").value("clock.date.invalid"))
                .andExpect(jsonPath("$.errors[2].field").value("holidays[0].name"))
                .andExpect(jsonPath("$.errors[2].code").value("form.required"))
                .andExpect(jsonPath("$.errors[2].message").value("“第1个节假日的名称”为必填项。"));

        putYear("2033", body, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("Parts of the 2033 holiday schedule cannot be read; correct each item as shown."))
                .andExpect(jsonPath("$.errors[1].label").value("First day of holiday 1"))
                .andExpect(jsonPath("$.errors[1].message").value("\"First day of holiday 1\" is not a valid date;"
                        + " write it as year-month-day, e.g. 2026-10-01."))
                .andExpect(jsonPath("$.errors[2].message").value("\"Name of holiday 1\" is required."));

        putYear("2033", "", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holidays"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.calendar.scheduleMissing"))
                .andExpect(jsonPath("$.errors[0].message").value("Send the year's schedule: the public holidays"
                        + " (required, each with its name, first day and last day) and the adjusted working days."));
        putYear("twenty", body, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("clock.year.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].label").value("年份"))
                .andExpect(jsonPath("$.errors[0].code").value("clock.year.outOfRange"))
                .andExpect(jsonPath("$.errors[0].message").value("年份应为1990至2200之间的四位数。"));
        putYear("2201", body, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The year must be a four-digit year from 1990 to 2200."));
    }

    private ResultActions putYear(String year, String body, String language) throws Exception {
        return mvc.perform(put("/api/calendar/years/" + year).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", language)
                .principal(new UsernamePasswordAuthenticationToken("admin-zhao", "n/a")));
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
        mvc.perform(get("/api/calendar/years/twenty")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
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
