package cn.zs.civil.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.CaseViews;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.clock.CaseClockService;
import cn.zs.civil.clock.ClockStatus;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.protection.SealedText;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblems;

/**
 * The extension of a licence's time limit (行政许可法 Art. 42): where the catalogue gives one
 * ({@code extension: {days: 10, unit: WORKING}}), the counter staff ask for it with the reason while the limit is
 * still running; the head of the authority (the director) approves or refuses; an approval lengthens the case's
 * statutory limit on its clock (which the countdown, the escalation and the reports read), once, and the applicant
 * is told the new date and the reason. One request per case.
 */
@Service
public class Extensions {

    static final String REQUESTED = "REQUESTED";
    static final String APPROVED = "APPROVED";
    static final String REFUSED = "REFUSED";
    private static final int REASON_MAX = 500;

    private final ExtensionMapper mapper;
    private final ApplicationService applications;
    private final ServiceCatalogue catalogue;
    private final CaseClockService clocks;
    private final CaseLog log;
    private final CaseViews views;
    private final SealedText sealed;
    private final IdentityProperties identity;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    Extensions(ExtensionMapper mapper, ApplicationService applications, ServiceCatalogue catalogue,
            CaseClockService clocks, CaseLog log, CaseViews views, SealedText sealed, IdentityProperties identity,
            TransactionTemplate tx, MessageSource messages) {
        this.mapper = mapper;
        this.applications = applications;
        this.catalogue = catalogue;
        this.clocks = clocks;
        this.log = log;
        this.views = views;
        this.sealed = sealed;
        this.identity = identity;
        this.tx = tx;
        this.messages = messages;
    }

    /**
     * The extension of a case as its reader sees it: whether one may be asked for or decided now, its state in
     * words, the reason, and the statutory due date it gave. Null fields where nothing applies.
     */
    public record ExtensionView(boolean available, boolean canRequest, boolean canDecide, Integer days,
            String state, String stateText, String reason, LocalDateTime requestedAt, String requestedBy,
            LocalDateTime decidedAt, String decidedBy, LocalDate statutoryDue) {
    }

    /** A request waiting for the head's decision, for the director's workbench. */
    public record Waiting(String applicationNo, String serviceName, String subject, String reason,
            LocalDateTime requestedAt, String requestedBy, LocalDate statutoryDue) {
    }

    public ExtensionView view(PlatformUser user, String applicationNo, Locale locale) {
        ApplicationRow row = applications.readable(user, applicationNo);
        ServiceCatalogue.Limit allowed = allowance(row);
        ExtensionMapper.ExtensionRow ext = mapper.find(row.applicationNo());
        ClockStatus clock = clockOf(row.applicationNo());
        boolean running = clock != null && !clock.stopped();
        boolean inTime = running && !clock.statutory().dueDate().isBefore(today());
        boolean staff = user.isStaff();
        if (ext == null) {
            return new ExtensionView(allowed != null, staff && allowed != null && inTime, false,
                    allowed == null ? null : allowed.days(), null, null, null, null, null, null, null,
                    clock == null ? null : clock.statutory().dueDate());
        }
        String reason = sealed.open(SealedText.Column.EXTENSION_REASON, row.applicationNo(), ext.reason());
        return new ExtensionView(true, false, REQUESTED.equals(ext.state()) && user.hasRole(Roles.DIRECTOR),
                ext.days(), ext.state(), text("extension.state." + ext.state(), locale),
                applications.freeTextShownTo(user, row, applications.formData(row)).apply(reason), ext.requestedAt(),
                staff ? identity.displayName(ext.requestedBy()) : null, ext.decidedAt(),
                staff && ext.decidedBy() != null ? identity.displayName(ext.decidedBy()) : null,
                clock == null ? null : clock.statutory().dueDate());
    }

    /** Counter staff ask for the extension, with the reason the applicant will be told. */
    public ExtensionView request(PlatformUser user, String applicationNo, String reason, Locale locale) {
        ApplicationRow row = applications.readable(user, applicationNo);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw invalid("reason", "form.required", locale);
        }
        if (text.codePointCount(0, text.length()) > REASON_MAX) {
            throw invalid("reason", "form.tooLong", locale, REASON_MAX);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw invalid("reason", "form.controlCharacters", locale);
        }
        ServiceCatalogue.Limit allowed = allowance(row);
        if (allowed == null) {
            throw ApiException.conflict("extension.notForService");
        }
        ClockStatus clock = clockOf(row.applicationNo());
        if (clock == null || clock.stopped()) {
            throw ApiException.conflict("extension.notRunning");
        }
        if (clock.statutory().dueDate().isBefore(today())) {
            throw ApiException.conflict("extension.tooLate");
        }
        tx.executeWithoutResult(s -> {
            try {
                mapper.insert(row.applicationNo(),
                        sealed.seal(SealedText.Column.EXTENSION_REASON, row.applicationNo(), text), allowed.days(),
                        user.id(), BusinessTime.now());
            } catch (DuplicateKeyException e) {
                throw ApiException.conflict("extension.onlyOnce");
            }
            log.byUser(row.applicationNo(), CaseEventType.EXTENSION_REQUESTED, user, null, null, null);
        });
        return view(user, applicationNo, locale);
    }

    /** The head of the authority approves (the limit grows by the catalogue's days) or refuses. */
    public ExtensionView decide(PlatformUser head, String applicationNo, Boolean approve, Locale locale) {
        ApplicationRow row = applications.readable(head, applicationNo);
        if (approve == null) {
            throw invalid("approve", "form.required", locale);
        }
        ExtensionMapper.ExtensionRow ext = mapper.find(row.applicationNo());
        if (ext == null || !REQUESTED.equals(ext.state())) {
            throw ApiException.conflict("extension.nothingToDecide");
        }
        tx.executeWithoutResult(s -> {
            if (mapper.decide(row.applicationNo(), approve ? APPROVED : REFUSED, head.id(), BusinessTime.now()) != 1) {
                throw ApiException.conflict("extension.nothingToDecide");
            }
            if (approve) {
                ClockStatus clock = clockOf(row.applicationNo());
                if (clock == null || clock.stopped()) {
                    throw ApiException.conflict("extension.notRunning");
                }
                clocks.extend(row.applicationNo(), ext.days());
            }
            log.byUser(row.applicationNo(), approve ? CaseEventType.EXTENSION_APPROVED : CaseEventType.EXTENSION_REFUSED,
                    head, null, null, null);
        });
        return view(head, applicationNo, locale);
    }

    /** Requests waiting for the head, oldest first. */
    public List<Waiting> waiting(PlatformUser head, Locale locale) {
        List<ExtensionMapper.ExtensionRow> rows = mapper.waiting(200);
        Map<String, ApplicationRow> cases = applications.byNos(rows.stream()
                .map(ExtensionMapper.ExtensionRow::applicationNo).toList());
        List<ApplicationRow> seen = rows.stream().map(r -> cases.get(r.applicationNo()))
                .filter(row -> row != null && applications.staffMaySee(head, row)).toList();
        Map<String, ClockStatus> clocksOf = clocks.statuses(cases.keySet(), BusinessTime.instant());
        Map<String, CaseViews.Summary> summaries = new java.util.HashMap<>();
        views.summaries(seen, locale, true).forEach(s -> summaries.put(s.applicationNo(), s));
        return rows.stream().filter(r -> summaries.containsKey(r.applicationNo()))
                .map(r -> {
                    CaseViews.Summary summary = summaries.get(r.applicationNo());
                    ClockStatus clock = clocksOf.get(r.applicationNo());
                    return new Waiting(r.applicationNo(), summary.serviceName(), summary.subject(),
                            sealed.open(SealedText.Column.EXTENSION_REASON, r.applicationNo(), r.reason()),
                            r.requestedAt(), identity.displayName(r.requestedBy()),
                            clock == null ? null : clock.statutory().dueDate());
                }).toList();
    }

    private ServiceCatalogue.Limit allowance(ApplicationRow row) {
        return catalogue.find(row.serviceCode()).map(ServiceCatalogue.ServiceDefinition::extension).orElse(null);
    }

    private ClockStatus clockOf(String applicationNo) {
        return clocks.statuses(List.of(applicationNo), BusinessTime.instant()).get(applicationNo);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private ApiException invalid(String field, String code, Locale locale, Object... more) {
        return ApiException.invalid(List.of(
                FieldProblems.labelled(messages, locale, field, "extension.field." + field, code, more)));
    }

    /** The platform's today in the bureau's zone. */
    private static LocalDate today() {
        return StatutoryClock.dateOf(BusinessTime.instant());
    }
}
