package cn.zs.civil.application;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.catalogue.ServiceCatalogue.Text;

/**
 * What the applicant is told of a decision against them (ALL Art. 38): the reasons, the legal basis and the remedy,
 * in the reader's language; and the deadline of a correction notice as the engine's timer holds it.
 *
 * <p>The reasons are read where they already live: the outcome of the case's {@code DECIDED} entry in the case log,
 * its reason code (labelled, never shown as a code), and the reasons the clerk typed on the deciding task's form
 * (its {@code TASK_COMPLETED} entry). Nothing is copied into a second table.
 */
@Component
public class DecisionNotices {

    /** The activity of every service's correction-period timer (one id across the models). */
    static final String CORRECTION_TIMER = "Event_CorrectionPeriodExpired";
    private static final List<String> GROUND_KEYS = List.of("refusalGround", "notAcceptedGround", "reasonCode");
    private static final String REASONS_FIELD = "reasons";

    /** {@code platform.decisions}: the outcomes that are decisions against the applicant, and the remedy notice. */
    @ConfigurationProperties("platform.decisions")
    public record Properties(List<String> adverseOutcomes, Text remedy, Text authority) {
        public Properties {
            adverseOutcomes = adverseOutcomes == null ? List.of() : List.copyOf(adverseOutcomes);
        }
    }

    /**
     * The written decision: which outcome, when, by which authority, why (reasons), on what legal basis, and what
     * the applicant may do about it (remedy).
     */
    public record Notice(String title, String outcomeText, LocalDateTime decidedAt, String authority,
            List<String> reasons, List<String> legalBasis, String remedy) {
    }

    private final Properties properties;
    private final CaseLog log;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;
    private final ManagementService management;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    DecisionNotices(Properties properties, CaseLog log, ServiceCatalogue catalogue, MessageSource messages,
            ManagementService management, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.properties = properties;
        this.log = log;
        this.catalogue = catalogue;
        this.messages = messages;
        this.management = management;
        this.json = json;
    }

    /**
     * The notice of an adverse decision, if the case ended with one; {@code shown} is how the reasons the clerk typed
     * reach this reader (in full, or with numbers that are not the reader's own masked).
     */
    public Optional<Notice> of(ApplicationRow row, Locale locale, UnaryOperator<String> shown) {
        return notice(row, locale, java.util.Objects.requireNonNull(shown));
    }

    /**
     * The notice as the public tracking page shows it to whoever holds the number and the query code: the
     * outcome's explanation, its ground, legal basis and remedy, but not the reasons the clerk typed (free text may
     * name people; the tracking answer holds no personal data). The full notice is handed over in writing.
     */
    public Optional<Notice> forPublic(ApplicationRow row, Locale locale) {
        return notice(row, locale, null);
    }

    /** @param shown how the typed reasons reach the reader, or null when they do not */
    private Optional<Notice> notice(ApplicationRow row, Locale locale, UnaryOperator<String> shown) {
        if (row.outcome() == null || !adverse(row.outcome())) {
            return Optional.empty();
        }
        boolean en = "en".equals(locale.getLanguage());
        List<CaseEventRow> events = log.events(row.applicationNo());
        List<String> reasons = new ArrayList<>();
        String explained = text("decision.explain." + row.outcome(), locale);
        reasons.add(explained != null ? explained : text("case.outcome." + row.outcome(), locale));
        String ground = ground(events);
        String groundText = ground == null ? null : groundText(ground, locale);
        if (groundText != null && !reasons.contains(groundText)) {
            reasons.add(groundText);
        }
        String typed = shown == null ? null : typedReasons(events);
        if (typed != null) {
            reasons.add(shown.apply(typed));
        }
        // The rule the outcome applies where one is named, else the service's legal basis from the catalogue.
        List<String> basis = new ArrayList<>();
        String outcomeBasis = text("decision.basis." + row.outcome(), locale);
        if (outcomeBasis != null) {
            basis.add(outcomeBasis);
        } else {
            catalogue.find(row.serviceCode()).ifPresent(s -> s.legalBasis().forEach(b -> basis.add(b.in(en))));
        }
        basis.add(text("decision.basis.writing", locale));
        String kind = row.outcome().equals("NOT_ACCEPTED") || row.outcome().equals("NOT_COMPETENT")
                ? "decision.title.notAccepted" : "decision.title.refused";
        // A registration's refusal has its own document name (婚姻登记工作规范: 不予办理结婚登记告知书).
        String serviceTitle = text(kind + "." + row.serviceCode(), locale);
        String title = serviceTitle != null ? serviceTitle : text(kind, locale);
        return Optional.of(new Notice(title, text("case.outcome." + row.outcome(), locale), row.decidedAt() != null
                ? row.decidedAt() : row.closedAt(), properties.authority().in(en), List.copyOf(reasons),
                List.copyOf(basis), properties.remedy().in(en)));
    }

    /** The outcome is a decision against the applicant ({@code platform.decisions.adverse-outcomes}). */
    public boolean adverse(String outcome) {
        return properties.adverseOutcomes().contains(outcome);
    }

    /** When the correction period ends: the due time of the case's timer, as the engine will fire it. */
    public Optional<LocalDateTime> correctionDeadline(ApplicationRow row) {
        if (row.processInstanceId() == null) {
            return Optional.empty();
        }
        Job timer = management.createJobQuery().processInstanceId(row.processInstanceId()).activityId(CORRECTION_TIMER)
                .timers().singleResult();
        return Optional.ofNullable(timer).map(Job::getDuedate).map(BusinessTime::of);
    }

    /** The latest ground the case log names: the deciding form's ground field, else the decision's reason code. */
    private String ground(List<CaseEventRow> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Map<String, Object> data = data(events.get(i));
            for (String key : GROUND_KEYS) {
                if (data.get(key) instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The reasons the clerk typed when deciding (the last completed task that had them). */
    private String typedReasons(List<CaseEventRow> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEventRow e = events.get(i);
            if (CaseEventType.TASK_COMPLETED.name().equals(e.eventType())
                    && data(e).get(REASONS_FIELD) instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    /** A ground in words, or nothing: a code without a label is never shown. */
    private String groundText(String code, Locale locale) {
        String text = text("decision.ground." + code, locale);
        return text != null ? text : text("socialorg.ground." + code, locale);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(CaseEventRow e) {
        if (e.data() == null) {
            return Map.of();
        }
        try {
            return json.readValue(e.data(), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return Map.of();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }
}
