package cn.zs.civil.socialorg.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.socialorg.SocialOrgService;
import cn.zs.civil.socialorg.credit.SeriousList;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The activity-abnormal list (活动异常名录, MCA Order No. 60; domain brief §2(a), R153): the section lists an
 * organisation of the register with the ground, the reason and the date; once the cause is verified as cured the
 * entry is due for removal within {@code removal-working-days} (5) working days; after {@code serious-list-after-years}
 * (2) years on the list a daily scan moves the organisation to the serious bad-faith list ({@link SeriousList}).
 * Organisations are read from their owner ({@link SocialOrgService}); each step is in the audit log.
 */
@Service
public class AbnormalList {

    private static final Logger log = LoggerFactory.getLogger(AbnormalList.class);

    public static final String ANNUAL_REPORT = "ANNUAL_REPORT";
    static final List<String> GROUNDS = List.of(ANNUAL_REPORT, "RECTIFICATION", "UNREACHABLE");

    /** An entry as staff read it, the ground in words; {@code removalOverdue} when the due day has passed. */
    public record Entry(long id, String creditCode, String organisation, String ground, String groundText,
            String reason, LocalDate listedOn, String listedBy, LocalDate curedOn, LocalDate removalDue,
            LocalDate removedOn, String removedBy, LocalDate escalatedOn, boolean removalOverdue) {
    }

    public record Listing(String creditCode, String ground, String reason, String listedOn) {
    }

    public record Cure(String curedOn) {
    }

    private final SupervisionMapper mapper;
    private final SocialOrgService register;
    private final SeriousList seriousList;
    private final StatutoryClock clock;
    private final SupervisionProperties properties;
    private final AuditLog audit;
    private final MessageSource messages;

    AbnormalList(SupervisionMapper mapper, SocialOrgService register, SeriousList seriousList, StatutoryClock clock,
            SupervisionProperties properties, AuditLog audit, MessageSource messages) {
        this.mapper = mapper;
        this.register = register;
        this.seriousList = seriousList;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.messages = messages;
    }

    public List<Entry> current(Locale locale) {
        return mapper.currentAbnormal().stream().map(r -> entry(r, locale)).toList();
    }

    /** An organisation's entries, current and past, latest first. */
    public List<Entry> of(String creditCode, Locale locale) {
        return mapper.abnormalOf(creditCode).stream().map(r -> entry(r, locale)).toList();
    }

    @Transactional
    public Entry list(PlatformUser user, Listing listing, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = listing == null || listing.creditCode() == null ? "" : listing.creditCode().strip();
        SocialOrgService.Organisation org = code.isEmpty() ? null : register.organisation(code);
        if (org == null || !org.active()) {
            problems.add(FieldProblems.of(messages, locale, "creditCode", "socialorg.abnormal.label.creditCode",
                    "socialorg.abnormal.notRegistered"));
        }
        String ground = listing == null ? null : listing.ground();
        if (ground == null || !GROUNDS.contains(ground)) {
            problems.add(FieldProblems.labelled(messages, locale, "ground", "socialorg.abnormal.label.ground",
                    "form.required"));
        }
        String reason = listing == null || listing.reason() == null ? "" : listing.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            problems.add(FieldProblems.labelled(messages, locale, "reason", "socialorg.abnormal.label.reason",
                    reason.isEmpty() ? "form.required" : "form.tooLong", 500));
        }
        LocalDate listedOn = day(listing == null ? null : listing.listedOn(), "listedOn", null, problems, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (mapper.currentAbnormalOf(org.creditCode()) != null) {
            throw ApiException.conflict("socialorg.abnormal.alreadyListed", org.name());
        }
        insert(org.creditCode(), ground, reason, listedOn, user.id());
        SupervisionMapper.AbnormalRow row = mapper.currentAbnormalOf(org.creditCode());
        audit.byUser(user.id(), user.roles(), "socialorg.abnormal.add", "so_abnormal_list/" + row.id(), "OK", null,
                Map.of("ground", ground, "listedOn", listedOn.toString()));
        return entry(row, locale);
    }

    /** Lists by the platform's own rule (a missing annual report); false when the organisation is listed already. */
    @Transactional
    public boolean listBySystem(String creditCode, String ground, String reason, LocalDate on) {
        if (mapper.currentAbnormalOf(creditCode) != null) {
            return false;
        }
        insert(creditCode, ground, reason, on, AuditLog.SYSTEM);
        audit.bySystem("socialorg.abnormal.add", "so_abnormal_list/" + mapper.currentAbnormalOf(creditCode).id(),
                "OK", null, Map.of("ground", ground, "listedOn", on.toString()));
        return true;
    }

    private void insert(String creditCode, String ground, String reason, LocalDate on, String by) {
        mapper.insertAbnormal(new SupervisionMapper.AbnormalRow(null, creditCode, ground, reason, on, by, null, null,
                null, null, null, BusinessTime.now()));
    }

    /** The cause was verified as cured on that day: the entry is due for removal within the working days set. */
    @Transactional
    public Entry cured(PlatformUser user, long id, Cure cure, Locale locale) {
        SupervisionMapper.AbnormalRow row = current(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate curedOn = day(cure == null ? null : cure.curedOn(), "curedOn", row.listedOn(), problems, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        LocalDate due = clock.addWorkingDays(curedOn, properties.removalWorkingDays());
        mapper.cureAbnormal(id, curedOn, due, BusinessTime.now());
        audit.byUser(user.id(), user.roles(), "socialorg.abnormal.cured", "so_abnormal_list/" + id, "OK", null,
                Map.of("curedOn", curedOn.toString(), "removalDue", due.toString()));
        return entry(mapper.abnormalById(id), locale);
    }

    /** Removes a cured entry today; the entry stays as the organisation's history. */
    @Transactional
    public Entry remove(PlatformUser user, long id, Locale locale) {
        SupervisionMapper.AbnormalRow row = current(id);
        if (row.curedOn() == null) {
            throw ApiException.conflict("socialorg.abnormal.notCured");
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        mapper.removeAbnormal(id, today, user.id(), BusinessTime.now());
        audit.byUser(user.id(), user.roles(), "socialorg.abnormal.remove", "so_abnormal_list/" + id, "OK", null,
                Map.of("removedOn", today.toString(), "removalDue", row.removalDue().toString()));
        return entry(mapper.abnormalById(id), locale);
    }

    @Scheduled(cron = "${platform.socialorg.supervision.scan-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void scheduledEscalation() {
        try {
            escalate(BusinessTime.now().toLocalDate());
        } catch (RuntimeException e) {
            log.warn("Abnormal-list escalation failed; it runs again tomorrow", e);
        }
    }

    /**
     * Order No. 60: an organisation on the abnormal list for {@code serious-list-after-years} years goes to the
     * serious bad-faith list. Returns how many entries this call moved.
     */
    @Transactional
    public int escalate(LocalDate today) {
        int moved = 0;
        for (SupervisionMapper.AbnormalRow row : mapper.currentAbnormal()) {
            if (row.escalatedOn() != null || row.listedOn().plusYears(properties.seriousListAfterYears()).isAfter(today)) {
                continue;
            }
            SocialOrgService.Organisation org = register.organisation(row.creditCode());
            String name = org == null ? row.creditCode() : org.name();
            seriousList.addBySystem(name, row.creditCode(), messages.getMessage("socialorg.abnormal.escalationReason",
                    new Object[] {properties.seriousListAfterYears(), row.listedOn().toString()}, Locale.SIMPLIFIED_CHINESE),
                    today);
            mapper.escalateAbnormal(row.id(), today, BusinessTime.now());
            moved++;
        }
        return moved;
    }

    private SupervisionMapper.AbnormalRow current(long id) {
        SupervisionMapper.AbnormalRow row = mapper.abnormalById(id);
        if (row == null) {
            throw ApiException.notFound("socialorg.abnormal.notFound", id);
        }
        if (row.removedOn() != null) {
            throw ApiException.conflict("socialorg.abnormal.alreadyRemoved");
        }
        return row;
    }

    /** A date: required, ISO, not after today, not before {@code notBefore}. */
    private LocalDate day(String text, String field, LocalDate notBefore, List<FieldProblem> problems, Locale locale) {
        String label = "socialorg.abnormal.label." + field;
        if (text == null || text.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, field, label, "form.required"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.isAfter(BusinessTime.now().toLocalDate())) {
                problems.add(FieldProblems.of(messages, locale, field, label, "socialorg.seriousList.future"));
                return null;
            }
            if (notBefore != null && day.isBefore(notBefore)) {
                problems.add(FieldProblems.of(messages, locale, field, label, "socialorg.abnormal.beforeListed"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblems.of(messages, locale, field, label, "socialorg.seriousList.badDate"));
            return null;
        }
    }

    private Entry entry(SupervisionMapper.AbnormalRow r, Locale locale) {
        SocialOrgService.Organisation org = register.organisation(r.creditCode());
        LocalDate today = BusinessTime.now().toLocalDate();
        return new Entry(r.id(), r.creditCode(), org == null ? null : org.name(), r.ground(),
                messages.getMessage("socialorg.abnormal.ground." + r.ground(), null, locale), r.reason(), r.listedOn(),
                r.listedBy(), r.curedOn(), r.removalDue(), r.removedOn(), r.removedBy(), r.escalatedOn(),
                r.removedOn() == null && r.removalDue() != null && r.removalDue().isBefore(today));
    }
}
