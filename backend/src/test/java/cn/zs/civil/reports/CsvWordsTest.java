package cn.zs.civil.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.IdentityProperties;

/** Every CSV column, row kind and breakdown has words in both languages, and none of them reads like a code. */
class CsvWordsTest {

    /** What a reader should never see: camelCase, UPPER_SNAKE, kebab-case codes, a "key:value" column. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern
            .compile("[a-z]+[A-Z]\\w*|\\b[A-Z]+_[A-Z_]+\\b|\\b[a-z]+-[a-z-]+\\b|\\w+:\\w+");

    private static final ServiceCatalogue CATALOGUE = new ServiceCatalogue(Map.of("marriage-registration",
            new ServiceCatalogue.ServiceDefinition("marriage-registration", "JH", new ServiceCatalogue.Text("结婚登记",
                    "Marriage registration"), null, null, null, null, null, ServiceCatalogue.Kind.IMMEDIATE, null,
                    null, null, null, null, false, null)));
    private static final IdentityProperties IDENTITY = new IdentityProperties(
            List.of(new IdentityProperties.DemoAccount("clerk-marriage", "x", "黄丽", List.of("clerk"), null, null, null, null)),
            List.of(new IdentityProperties.District("xiaolan", "小榄镇", "Xiaolan Town")));

    private static CsvWords words(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CsvWords(messages, locale, CATALOGUE, IDENTITY);
    }

    private static List<String> everyColumn() {
        List<String> columns = new ArrayList<>();
        Stream.of(ReportsController.ANNUAL, ReportsController.THROUGHPUT, ReportsController.SLA, ReportsController.BACKLOG,
                ReportsController.QUALITY, ReportsController.BREAKDOWN).forEach(columns::addAll);
        Stream.concat(ReportsController.MEASURES.stream(), ReportsController.BREAKDOWN_MEASURES.stream())
                .forEach(m -> columns.addAll(Stats.header(m)));
        columns.addAll(List.of("outcome:PAID", "outcome:REGISTERED", "age:0-2", "age:10+"));
        return columns;
    }

    @Test
    void everyColumnHasATitleInEachLanguage() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            CsvWords w = words(locale);
            for (String column : everyColumn()) {
                String title = w.column(column);
                assertThat(title).as("%s in %s", column, locale).isNotBlank().isNotEqualTo(column);
                assertThat(CODE.matcher(title).find()).as("%s → %s", column, title).isFalse();
            }
            for (String kind : List.of("cases-by-service", "cases-by-district", "cases-by-status", "tasks-by-step",
                    "tasks-by-queue")) {
                assertThat(CODE.matcher(w.kind(kind)).find()).as(kind).isFalse();
            }
            for (OperationsReports.Dimension by : OperationsReports.Dimension.values()) {
                assertThat(w.dimension(by.name().toLowerCase(Locale.ROOT))).isNotBlank();
            }
        }
        assertThat(words(Locale.SIMPLIFIED_CHINESE).column("hoursMedian")).isEqualTo("办理时长（小时）·中位数");
        assertThat(words(Locale.ENGLISH).column("age:10+")).isEqualTo("Open 10+ working days");
        assertThat(words(Locale.SIMPLIFIED_CHINESE).column("outcome:PAID")).isEqualTo("已同意报销并支付");
    }

    @Test
    void servicesDistrictsQueuesAndClerksByName() {
        CsvWords zh = words(Locale.SIMPLIFIED_CHINESE);
        CsvWords en = words(Locale.ENGLISH);
        assertThat(zh.service("marriage-registration")).isEqualTo("结婚登记");
        assertThat(en.service("marriage-registration")).isEqualTo("Marriage registration");
        assertThat(zh.service("*")).isEqualTo("全部事项");
        assertThat(en.district("xiaolan")).isEqualTo("Xiaolan Town");
        assertThat(zh.district("xiaolan")).isEqualTo("小榄镇");
        assertThat(zh.queue("marriage-registrar")).isEqualTo("婚姻登记窗口");
        assertThat(zh.status("UNDER_REVIEW")).isEqualTo("审核中");
        assertThat(zh.clerk("clerk-marriage")).isEqualTo("黄丽");
        assertThat(zh.service(null)).isEmpty();
    }
}
