package cn.zs.civil.marriage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * 婚姻登记条例 (2003) Art. 3 [V]: registrars are trained and certified. The one owner of a registrar's qualification
 * (婚姻登记员资格): the section chief records and renews it; every step a registrar does in person in a marriage or
 * divorce registration asks {@link #require} first, on the platform's day, and names the registrar and the
 * certificate in the case's trail ({@link #recordActed}), as the certificate the couple receive names the registrar.
 */
@Service
public class RegistrarQualifications {

    /** The staff group of marriage registrars (the candidate group of every registrar step). */
    static final String REGISTRAR_GROUP = "marriage-registrar";
    static final int MAX_CERTIFICATE_NO = 40;
    static final int MAX_AUTHORITY = 60;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final String LABEL = "registrarQualification.label.";

    private final RegistrarQualificationMapper mapper;
    private final IdentityProperties identity;
    private final AuditLog audit;
    private final CaseLog caseLog;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    RegistrarQualifications(RegistrarQualificationMapper mapper, IdentityProperties identity, AuditLog audit,
            CaseLog caseLog, MessageSource messages, TransactionTemplate tx) {
        this.mapper = mapper;
        this.identity = identity;
        this.audit = audit;
        this.caseLog = caseLog;
        this.messages = messages;
        this.tx = tx;
    }

    /** The qualification a registrar acts under: certificate number and name, as the case's trail records them. */
    public record Qualification(String username, String registrarName, String certificateNo, String issuingAuthority,
            LocalDate validFrom, LocalDate validUntil) {
    }

    /**
     * The caller's qualification valid today (the platform's day); 403 naming the reason otherwise: none on record,
     * expired on a day, or not valid yet.
     */
    public Qualification require(PlatformUser user) {
        RegistrarQualificationMapper.Row row = mapper.find(user.id());
        if (row == null) {
            throw ApiException.forbidden("registrarQualification.none");
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        if (today.isAfter(row.validUntil())) {
            throw ApiException.forbidden("registrarQualification.expired", row.certificateNo(),
                    row.validUntil().toString());
        }
        if (today.isBefore(row.validFrom())) {
            throw ApiException.forbidden("registrarQualification.notYetValid", row.certificateNo(),
                    row.validFrom().toString());
        }
        return new Qualification(row.username(), user.name(), row.certificateNo(), row.issuingAuthority(),
                row.validFrom(), row.validUntil());
    }

    /** Names the registrar and the certificate in the case's trail, in the transaction of the step it records. */
    public void recordActed(String applicationNo, PlatformUser user, Qualification qualification, CaseLog.TaskRef task) {
        caseLog.byUser(applicationNo, CaseEventType.REGISTRAR_ACTED, user, task, null,
                Map.of("registrarName", qualification.registrarName(), "certificateNo",
                        qualification.certificateNo()));
    }

    /** How a registrar stands on the platform's day: no qualification, valid, expired, or valid from a later day. */
    public enum Standing {
        NONE, VALID, EXPIRED, NOT_YET_VALID
    }

    public record RegistrarView(String username, String name, String certificateNo, String issuingAuthority,
            LocalDate validFrom, LocalDate validUntil, Standing standing, String recordedBy, LocalDateTime recordedAt) {
    }

    /** The registrars the platform knows (its staff accounts in the group) and everyone with a qualification. */
    public List<RegistrarView> registrars() {
        Map<String, RegistrarQualificationMapper.Row> rows = new TreeMap<>();
        mapper.all().forEach(r -> rows.put(r.username(), r));
        Map<String, RegistrarView> views = new LinkedHashMap<>();
        identity.accounts().stream().filter(a -> a.groups().contains(REGISTRAR_GROUP))
                .forEach(a -> views.put(a.username(), view(a.username(), rows.get(a.username()))));
        rows.forEach((username, row) -> views.computeIfAbsent(username, u -> view(u, row)));
        return new ArrayList<>(views.values());
    }

    private RegistrarView view(String username, RegistrarQualificationMapper.Row row) {
        String name = identity.displayName(username);
        if (row == null) {
            return new RegistrarView(username, name, null, null, null, null, Standing.NONE, null, null);
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        Standing standing = today.isAfter(row.validUntil()) ? Standing.EXPIRED
                : today.isBefore(row.validFrom()) ? Standing.NOT_YET_VALID : Standing.VALID;
        return new RegistrarView(username, name, row.certificateNo(), row.issuingAuthority(), row.validFrom(),
                row.validUntil(), standing, row.recordedBy() == null ? null : identity.displayName(row.recordedBy()),
                row.recordedAt());
    }

    /** What the chief records: all text, so that a malformed date is a field problem like any other. */
    public record Recording(String certificateNo, String issuingAuthority, String validFrom, String validUntil) {
    }

    /** Records or renews a registrar's qualification (the section chief), audited with what it replaced. */
    public RegistrarView record(PlatformUser chief, String username, Recording recording, Locale locale) {
        Recording r = recording == null ? new Recording(null, null, null, null) : recording;
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()
                || !identity.accounts().isEmpty() && identity.accounts().stream()
                        .noneMatch(a -> a.username().equals(username) && a.groups().contains(REGISTRAR_GROUP))) {
            problems.add(FieldProblems.of(messages, locale, "username", LABEL + "username",
                    "registrarQualification.notRegistrar"));
        }
        String certificateNo = text(problems, locale, "certificateNo", r.certificateNo(), MAX_CERTIFICATE_NO);
        String authority = text(problems, locale, "issuingAuthority", r.issuingAuthority(), MAX_AUTHORITY);
        LocalDate from = date(problems, locale, "validFrom", r.validFrom());
        LocalDate until = date(problems, locale, "validUntil", r.validUntil());
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(FieldProblems.of(messages, locale, "validUntil", LABEL + "validUntil",
                    "registrarQualification.untilBeforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return tx.execute(s -> {
            RegistrarQualificationMapper.Row before = mapper.find(username);
            RegistrarQualificationMapper.Row after = new RegistrarQualificationMapper.Row(username, certificateNo,
                    authority, from, until, chief.id(), BusinessTime.now());
            if (before == null) {
                mapper.insert(after);
            } else {
                mapper.update(after);
            }
            audit.byUser(chief.id(), chief.roles(), "REGISTRAR_QUALIFICATION_RECORDED", "registrar:" + username,
                    "OK", before == null ? Map.of() : facts(before), facts(after));
            return view(username, after);
        });
    }

    /** Writes the configured seeds for accounts with none on record; what is on record stays. */
    void seed(List<RegistrarQualificationProperties.Seed> seeds) {
        for (RegistrarQualificationProperties.Seed seed : seeds) {
            if (mapper.find(seed.username()) != null) {
                continue;
            }
            try {
                tx.executeWithoutResult(s -> {
                    RegistrarQualificationMapper.Row row = new RegistrarQualificationMapper.Row(seed.username(),
                            seed.certificateNo(), seed.issuingAuthority(), seed.validFrom(), seed.validUntil(),
                            AuditLog.SYSTEM, BusinessTime.now());
                    mapper.insert(row);
                    audit.bySystem("REGISTRAR_QUALIFICATION_SEEDED", "registrar:" + seed.username(), "OK", Map.of(),
                            facts(row));
                });
            } catch (DuplicateKeyException anotherNodeFirst) {
                // Another node seeded the same account at the same start: its row stands.
            }
        }
    }

    private static Map<String, Object> facts(RegistrarQualificationMapper.Row row) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("certificateNo", row.certificateNo());
        facts.put("issuingAuthority", row.issuingAuthority());
        facts.put("validFrom", row.validFrom().toString());
        facts.put("validUntil", row.validUntil().toString());
        return facts;
    }

    private String text(List<FieldProblem> problems, Locale locale, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(FieldProblems.labelled(messages, locale, field, LABEL + field, "form.required"));
            return null;
        }
        if (v.length() > max) {
            problems.add(FieldProblems.labelled(messages, locale, field, LABEL + field, "form.tooLong", max));
            return null;
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            problems.add(FieldProblems.labelled(messages, locale, field, LABEL + field, "form.controlCharacters"));
            return null;
        }
        return v;
    }

    private LocalDate date(List<FieldProblem> problems, Locale locale, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, field, LABEL + field, "form.required"));
            return null;
        }
        try {
            LocalDate date = value.length() == 10 ? LocalDate.parse(value) : null;
            if (date != null && date.getYear() >= 1980 && date.getYear() <= 2100) {
                return date;
            }
        } catch (DateTimeParseException notADate) {
            // answered below
        }
        problems.add(FieldProblems.labelled(messages, locale, field, LABEL + field, "form.notDate"));
        return null;
    }
}
