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
import cn.zs.civil.identity.IdentityProperties;

/** Turns cases and their events into what people read: plain-language status, timeline and next step. */
@Component
public class CaseViews {

    private final MessageSource messages;
    private final IdentityProperties identity;
    private final ServiceCatalogue catalogue;
    private final ObjectMapper json;
    private final Countdowns countdowns;
    private final org.springframework.beans.factory.ObjectProvider<CaseRating> ratings;

    CaseViews(MessageSource messages, ServiceCatalogue catalogue, ObjectMapper json, Countdowns countdowns,
            IdentityProperties identity, org.springframework.beans.factory.ObjectProvider<CaseRating> ratings) {
        this.identity = identity;
        this.ratings = ratings;
        this.messages = messages;
        this.catalogue = catalogue;
        this.json = json;
        this.countdowns = countdowns;
    }

    public record Summary(String applicationNo, String serviceCode, String serviceName, String district,
            String subject, String status, String statusText, String outcome, String outcomeText,
            LocalDateTime receivedAt, LocalDateTime decidedAt, Countdowns.Countdown countdown) {
    }

    public record TimelineEntry(LocalDateTime at, String type, String text, String outcome, String actor,
            Map<String, Object> data) {
    }

    /** What anyone with the number and query code may see: no names, no ID numbers, no staff. */
    public record PublicStatus(String applicationNo, String serviceName, String status, String statusText,
            String outcomeText, String nextStep, LocalDateTime receivedAt, LocalDateTime decidedAt,
            java.time.LocalDate expectedBy, boolean clockPaused, List<TimelineEntry> timeline,
            DecisionNotices.Notice decision) {
    }

    /** Events for staff eyes only. */
    private static final java.util.Set<String> INTERNAL_EVENTS = java.util.Set.of(CaseEventType.ATTACHMENT_READ.name(),
            CaseEventType.ESCALATED.name(), CaseEventType.STEP_DUE_SOON.name(), CaseEventType.COMMENTED.name(),
            CaseEventType.TRAFFICKING_REPORTED.name(), CaseEventType.VIOLENCE_REFERRAL.name(),
            CaseEventType.REGISTRAR_ACTED.name());

    /**
     * Facts of an event's data that staff read in its text ({@code case.eventDetail.<type>}, the data's keys in the
     * message's order): the registry query's snapshot, what a safeguard flag reported or told.
     */
    private static final Map<String, List<String>> DETAILS = Map.of(
            CaseEventType.CHECKED.name(), List.of("registryQueriedAt", "registryResponseId"),
            CaseEventType.TRAFFICKING_REPORTED.name(), List.of("report"),
            CaseEventType.VIOLENCE_REFERRAL.name(), List.of("referral"),
            CaseEventType.REGISTRAR_ACTED.name(), List.of("registrarName", "certificateNo"));

    public Summary summary(ApplicationRow row, Locale locale, boolean maskSubject) {
        return summary(row, locale, maskSubject, countdowns.of(row.applicationNo()));
    }

    /** Summaries of many cases with their countdowns in one batch. */
    public List<Summary> summaries(List<ApplicationRow> rows, Locale locale, boolean maskSubject) {
        Map<String, Countdowns.Countdown> clocks = countdowns.of(rows.stream().map(ApplicationRow::applicationNo).toList());
        return rows.stream().map(r -> summary(r, locale, maskSubject, clocks.get(r.applicationNo()))).toList();
    }

    private Summary summary(ApplicationRow row, Locale locale, boolean maskSubject, Countdowns.Countdown countdown) {
        return new Summary(row.applicationNo(), row.serviceCode(), serviceName(row.serviceCode(), locale),
                row.district(), maskSubject ? Masking.name(row.subjectName()) : row.subjectName(), row.status(),
                text("case.status." + statusKey(row), locale), row.outcome(),
                row.outcome() == null ? null : text("case.outcome." + row.outcome(), locale), row.receivedAt(),
                row.decidedAt(), countdown);
    }

    /** Who acted, by name as the queue names clerks (the account name only when no name is known). */
    private String actor(String actorId) {
        return actorId == null ? null : identity.displayName(actorId);
    }

    /**
     * The timeline: staff see who acted and with what data; applicants and the public see what happened and when,
     * never who or with which personal data.
     */
    public List<TimelineEntry> timeline(List<CaseEventRow> events, Locale locale, boolean forStaff) {
        return events.stream()
                .filter(e -> forStaff || !INTERNAL_EVENTS.contains(e.eventType()))
                .map(e -> {
                    if (!forStaff) {
                        return new TimelineEntry(e.occurredAt(), e.eventType(), eventText(e, locale), e.outcome(),
                                null, null);
                    }
                    Map<String, Object> data = data(e);
                    return new TimelineEntry(e.occurredAt(), e.eventType(),
                            withDetail(e, data, eventText(e, locale), locale), e.outcome(), actor(e.actorId()), data);
                })
                .toList();
    }

    /** An event's data; a rating's comment is read from the rating, its one home (e.g. for a work order). */
    private Map<String, Object> data(CaseEventRow e) {
        if (CaseEventType.RATED.name().equals(e.eventType())) {
            CaseRating rating = ratings.getIfAvailable();
            String comment = rating == null ? null : rating.comment(e.applicationNo());
            return comment == null ? null : Map.of("comment", comment);
        }
        return data(e.data());
    }

    /** @param decision the public form of a decision against the applicant, or null */
    public PublicStatus publicStatus(ApplicationRow row, List<CaseEventRow> events, Locale locale,
            DecisionNotices.Notice decision) {
        Countdowns.Countdown clock = countdowns.of(row.applicationNo());
        return new PublicStatus(row.applicationNo(), serviceName(row.serviceCode(), locale), row.status(),
                text("case.status." + statusKey(row), locale),
                row.outcome() == null ? null : text("case.outcome." + row.outcome(), locale),
                nextStep(row, locale), row.receivedAt(), row.decidedAt(), expectedBy(clock),
                clock != null && clock.paused(), timeline(events, locale, false), decision);
    }

    /** The date the applicant may expect a decision: the promised limit where there is one, else the statutory. */
    public static java.time.LocalDate expectedBy(Countdowns.Countdown clock) {
        if (clock == null || clock.stopped()) {
            return null;
        }
        return clock.promisedDue() != null ? clock.promisedDue() : clock.statutoryDue();
    }

    public String nextStep(ApplicationRow row, Locale locale) {
        return messages.getMessage("case.next." + statusKey(row), null, null, locale);
    }

    /**
     * The status as the texts name it: a case decided but not yet ended (the certificate still to issue, the
     * announcement still to publish) is not "已办结" while its last steps are open.
     */
    private static String statusKey(ApplicationRow row) {
        return CaseStatus.DECIDED.equals(row.status()) && row.outcome() == null ? "DECIDED_OPEN" : row.status();
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

    /** {@code data}: the event's data as staff see it (parsed once per event, for the text and the entry). */
    private String withDetail(CaseEventRow e, Map<String, Object> data, String text, Locale locale) {
        List<String> keys = DETAILS.get(e.eventType());
        if (keys == null || data == null || !data.keySet().containsAll(keys)) {
            return text;
        }
        Object[] args = keys.stream().map(k -> String.valueOf(data.get(k))).toArray();
        return messages.getMessage("case.eventWithDetail",
                new Object[] {text, messages.getMessage("case.eventDetail." + e.eventType(), args, locale)}, locale);
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
