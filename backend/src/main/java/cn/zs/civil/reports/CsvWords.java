package cn.zs.civil.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.IdentityProperties;

/**
 * The words of a CSV export in the reader's language, each from the place that owns it: column titles from the
 * messages ({@code report.csv.*}), service names from the catalogue, outcomes and statuses as the case page words
 * them ({@code case.outcome.*}, {@code case.status.*}), towns and streets by name, queues by {@code queue.*}. The
 * JSON of the same reports keeps its codes: programs read those.
 */
final class CsvWords {

    /** The figures of one measure (Stats.header): "hoursMedian" is the measure "hours", the figure "Median". */
    private static final List<String> FIGURES = List.of("Count", "Mean", "Median", "P90", "P95", "Max");

    private final MessageSource messages;
    private final Locale locale;
    private final ServiceCatalogue catalogue;
    private final IdentityProperties identity;
    private final Map<String, IdentityProperties.District> districts;

    CsvWords(MessageSource messages, Locale locale, ServiceCatalogue catalogue, IdentityProperties identity) {
        this.messages = messages;
        this.locale = locale;
        this.catalogue = catalogue;
        this.identity = identity;
        this.districts = identity.districtsByCode();
    }

    private boolean english() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    List<String> header(List<String> keys) {
        return keys.stream().map(this::column).toList();
    }

    /** A column's title; a key without a message is a programming error (CsvWordsTest covers every column). */
    String column(String key) {
        if (key.startsWith("outcome:")) {
            return message("case.outcome." + key.substring("outcome:".length()));
        }
        if (key.startsWith("age:")) {
            return message("report.csv.age", key.substring("age:".length()));
        }
        for (String figure : FIGURES) {
            if (key.length() > figure.length() && key.endsWith(figure)) {
                String measure = key.substring(0, key.length() - figure.length());
                return message("report.csv.figure", message("report.csv." + measure), message("report.csv.figure." + figure));
            }
        }
        return message("report.csv." + key);
    }

    /** A service by its name; "*" (the total row) as "all services". */
    String service(String code) {
        if (code == null) {
            return "";
        }
        if ("*".equals(code)) {
            return message("report.csv.allServices");
        }
        return catalogue.find(code).map(s -> s.name().in(english())).orElse(code);
    }

    String district(String code) {
        if (code == null) {
            return "";
        }
        if ("*".equals(code)) {
            return message("report.csv.allDistricts");
        }
        IdentityProperties.District d = districts.get(code);
        return d == null ? code : english() ? d.en() : d.name();
    }

    String clerk(String username) {
        return username == null ? "" : identity.displayName(username);
    }

    String status(String code) {
        return code == null ? "" : messages.getMessage("case.status." + code, null, code, locale);
    }

    String queue(String code) {
        return code == null ? "" : messages.getMessage("queue." + code, null, code, locale);
    }

    String total() {
        return message("report.csv.total");
    }

    String kind(String code) {
        return message("report.csv.kind." + code);
    }

    String dimension(String code) {
        return message("report.csv.by." + code);
    }
}
