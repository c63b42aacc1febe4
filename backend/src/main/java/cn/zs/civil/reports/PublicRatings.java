package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.catalogue.ServiceCatalogue;

/**
 * The rating results made public (好差评, 国办发〔2019〕51号: "评价结果公开"): per service and month, how many ratings
 * were given (or defaulted after the window) and the share of each of the five grades. Counts only: no case, person,
 * comment, district or staff member; ratings annulled in a re-review are left out, as in the managers' reports.
 */
@Component
class PublicRatings {

    /** The grades from best to worst, as the public page lists them. */
    static final int[] LEVELS = {5, 4, 3, 2, 1};
    private static final String[] LEVEL_OUTCOMES = {null, "VERY_DISSATISFIED", "DISSATISFIED", "BASICALLY_SATISFIED",
        "SATISFIED", "VERY_SATISFIED"};

    private final ReportsMapper mapper;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;

    PublicRatings(ReportsMapper mapper, ServiceCatalogue catalogue, MessageSource messages) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    record Figures(String from, String to, List<Grade> grades, List<Row> rows) {
    }

    /** A grade: its value (5 best) and its name in the reader's language. */
    record Grade(int level, String label) {
    }

    /** One service in one month: ratings given, of them defaulted, the share of each grade, satisfied (3-5). */
    record Row(String month, String serviceCode, String service, long ratings, long defaulted, List<Share> grades,
            BigDecimal satisfiedShare) {
    }

    record Share(int level, long count, BigDecimal share) {
    }

    Figures of(YearMonth from, YearMonth to, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        // month → service → level → count; defaulted per month and service
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        Map<String, Long> defaulted = new TreeMap<>();
        for (ReportsMapper.MonthlyRatingCount c : mapper.monthlyRatings(from.atDay(1).atStartOfDay(),
                to.plusMonths(1).atDay(1).atStartOfDay())) {
            if (c.level() == null || c.level() < 1 || c.level() > 5) {
                continue;
            }
            String month = YearMonth.of(c.ratedYear(), c.ratedMonth()).toString();
            long n = c.n() == null ? 0 : c.n();
            counts.computeIfAbsent(month, m -> new TreeMap<>()).computeIfAbsent(c.serviceCode(), s -> new long[6])[c
                    .level()] += n;
            if (Boolean.TRUE.equals(c.defaulted())) {
                defaulted.merge(month + "|" + c.serviceCode(), n, Long::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((month, services) -> services.forEach((code, byLevel) -> {
            long total = 0;
            for (int l = 1; l <= 5; l++) {
                total += byLevel[l];
            }
            List<Share> shares = new ArrayList<>();
            for (int l : LEVELS) {
                shares.add(new Share(l, byLevel[l], share(byLevel[l], total)));
            }
            rows.add(new Row(month, code, catalogue.find(code).map(s -> s.name().in(en)).orElse(code), total,
                    defaulted.getOrDefault(month + "|" + code, 0L), shares,
                    share(byLevel[3] + byLevel[4] + byLevel[5], total)));
        }));
        List<Grade> grades = new ArrayList<>();
        for (int l : LEVELS) {
            grades.add(new Grade(l, messages.getMessage("case.outcome." + LEVEL_OUTCOMES[l], null, locale)));
        }
        return new Figures(from.toString(), to.toString(), grades, rows);
    }

    /** A share of the total, 0 to 1 with four decimals (null when nothing was rated). */
    private static BigDecimal share(long n, long total) {
        return total == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
