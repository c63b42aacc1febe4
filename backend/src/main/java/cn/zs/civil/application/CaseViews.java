package cn.zs.civil.application;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.catalogue.ServiceCatalogue;

/** Turns cases and their events into what people read: plain-language status, timeline and next step. */
@Component
public class CaseViews {

    private final MessageSource messages;
    private final ServiceCatalogue catalogue;
    private final ObjectMapper json;

    CaseViews(MessageSource messages, ServiceCatalogue catalogue, ObjectMapper json) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.json = json;
    }

    public record Summary(String applicationNo, String serviceCode, String serviceName, String district,
            String subject, String status, String statusText, String outcome, String outcomeText,
            LocalDateTime receivedAt, LocalDateTime decidedAt) {
    }

    public record TimelineEntry(LocalDateTime at, String type, String text, String outcome, String actor,
            Map<String, Object> data) {
    }

    public record PublicStatus(String applicationNo, String serviceName, String status, String statusText,
            String outcomeText, String nextStep, LocalDateTime receivedAt, LocalDateTime decidedAt,
            List<TimelineEntry> timeline) {
    }

    public Summary summary(ApplicationRow row, Locale locale, boolean maskSubject) {
        return new Summary(row.applicationNo(), row.serviceCode(), serviceName(row.serviceCode(), locale),
                row.district(), maskSubject ? Masking.name(row.subjectName()) : row.subjectName(), row.status(),
                text("case.status." + row.status(), locale), row.outcome(),
                row.outcome() == null ? null : text("case.outcome." + row.outcome(), locale), row.receivedAt(),
                row.decidedAt());
    }

    /**
     * The timeline: staff see who acted and with what data; applicants and the public see what happened and when,
     * never who or with which personal data.
     */
    public List<TimelineEntry> timeline(List<CaseEventRow> events, Locale locale, boolean forStaff) {
        return events.stream()
                .filter(e -> forStaff || !CaseEventType.ATTACHMENT_READ.name().equals(e.eventType()))
                .map(e -> new TimelineEntry(e.occurredAt(), e.eventType(), eventText(e, locale), e.outcome(),
                        forStaff ? e.actorId() : null, forStaff ? data(e.data()) : null))
                .toList();
    }

    public PublicStatus publicStatus(ApplicationRow row, List<CaseEventRow> events, Locale locale) {
        return new PublicStatus(row.applicationNo(), serviceName(row.serviceCode(), locale), row.status(),
                text("case.status." + row.status(), locale),
                row.outcome() == null ? null : text("case.outcome." + row.outcome(), locale),
                nextStep(row, locale), row.receivedAt(), row.decidedAt(), timeline(events, locale, false));
    }

    public String nextStep(ApplicationRow row, Locale locale) {
        return messages.getMessage("case.next." + row.status(), null, null, locale);
    }

    public String serviceName(String serviceCode, Locale locale) {
        return catalogue.find(serviceCode).map(s -> s.name().in("en".equals(locale.getLanguage())))
                .orElse(serviceCode);
    }

    private String eventText(CaseEventRow e, Locale locale) {
        String base = text("case.event." + e.eventType(), locale);
        if (e.taskName() != null) {
            base = messages.getMessage("case.eventWithTask", new Object[] {base, e.taskName()}, locale);
        }
        if (e.outcome() != null) {
            base = messages.getMessage("case.eventWithOutcome",
                    new Object[] {base, text("case.outcome." + e.outcome(), locale)}, locale);
        }
        return base;
    }

    private Map<String, Object> data(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(raw);
            return json.convertValue(node, Map.class);
        } catch (Exception e) {
            return null;
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }
}
