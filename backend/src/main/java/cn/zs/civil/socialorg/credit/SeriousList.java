package cn.zs.civil.socialorg.credit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.NumbersInText;
import cn.zs.civil.registry.CreditCodes;
import cn.zs.civil.registry.IdNumberKeys;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The serious illegality and bad-faith list (严重违法失信名单, MCA Order No. 60; domain brief §2(e)7) as the bureau
 * keeps it: the section chief lists an organisation (by its unified social credit code) or a person (by ID number)
 * with the reason and the date, and removes an entry with the reason and the date; each step is in the audit log.
 * Establishment (the proposed legal representative) and change registration (the organisation) ask it.
 * A person is found by the keyed hash of the ID number ({@link IdNumberKeys}); the list shows the number masked.
 */
@Service
public class SeriousList {

    public static final String ORGANISATION = "ORGANISATION";
    public static final String PERSON = "PERSON";

    /** An entry as staff read it: the person's ID number masked; dates and who listed or removed it. */
    public record Entry(long id, String kind, String kindText, String name, String shown, String reason,
            LocalDate listedOn, String listedBy, LocalDate removedOn, String removalReason, String removedBy) {

        public boolean current() {
            return removedOn == null;
        }
    }

    /** A listing as the chief submits it. */
    public record Listing(String kind, String name, String idNumber, String creditCode, String reason,
            String listedOn) {
    }

    /** A removal as the chief submits it. */
    public record Removal(String reason, String removedOn) {
    }

    private final SeriousListMapper mapper;
    private final IdNumberKeys idKeys;
    private final AuditLog audit;
    private final MessageSource messages;

    SeriousList(SeriousListMapper mapper, IdNumberKeys idKeys, AuditLog audit, MessageSource messages) {
        this.mapper = mapper;
        this.idKeys = idKeys;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every entry, current and removed, latest listing first. */
    public List<Entry> all(Locale locale) {
        return mapper.findAll().stream().map(r -> entry(r, locale)).toList();
    }

    /** Whether the person with this ID number is on the list now. */
    public boolean listsPerson(String idNumber) {
        return idNumber != null && !idNumber.isBlank() && mapper.findCurrent(idKeys.of(idNumber.strip())) != null;
    }

    /** Whether the organisation with this credit code is on the list now. */
    public boolean listsOrganisation(String creditCode) {
        return creditCode != null && !creditCode.isBlank()
                && mapper.findCurrent(ORGANISATION + ":" + creditCode.strip().toUpperCase(Locale.ROOT)) != null;
    }

    @Transactional
    public Entry add(PlatformUser chief, Listing listing, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        String kind = listing == null ? null : listing.kind();
        if (!ORGANISATION.equals(kind) && !PERSON.equals(kind)) {
            problems.add(labelled(locale, "kind", "form.required"));
        }
        String name = listing == null || listing.name() == null ? "" : listing.name().strip();
        if (name.isEmpty()) {
            problems.add(labelled(locale, "name", "form.required"));
        } else if (name.length() > 100) {
            problems.add(labelled(locale, "name", "form.tooLong", 100));
        }
        String key = null;
        String shown = null;
        if (PERSON.equals(kind)) {
            String id = listing.idNumber() == null ? "" : listing.idNumber().strip().toUpperCase(Locale.ROOT);
            if (!IdNumbers.valid(id)) {
                problems.add(FieldProblems.of(messages, locale, "idNumber", "socialorg.seriousList.label.idNumber",
                        "socialorg.seriousList.badIdNumber"));
            } else {
                key = idKeys.of(id);
                shown = NumbersInText.maskIdNumbers(id);
            }
        } else if (ORGANISATION.equals(kind)) {
            String code = listing.creditCode() == null ? "" : listing.creditCode().strip().toUpperCase(Locale.ROOT);
            if (!CreditCodes.valid(code)) {
                problems.add(FieldProblems.of(messages, locale, "creditCode", "socialorg.seriousList.label.creditCode",
                        "socialorg.seriousList.badCreditCode"));
            } else {
                key = ORGANISATION + ":" + code;
                shown = code;
            }
        }
        String reason = reason(listing == null ? null : listing.reason(), "reason", problems, locale);
        LocalDate listedOn = day(listing == null ? null : listing.listedOn(), "listedOn", problems, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (mapper.findCurrent(key) != null) {
            throw ApiException.conflict("socialorg.seriousList.alreadyListed");
        }
        var now = BusinessTime.now();
        mapper.insert(new SeriousListMapper.Row(null, kind, key, name, shown, reason, listedOn, chief.id(), null, null,
                null, now));
        SeriousListMapper.Row row = mapper.findCurrent(key);
        audit.byUser(chief.id(), chief.roles(), "socialorg.seriousList.add", "so_serious_list/" + row.id(), "OK",
                null, Map.of("kind", kind, "listedOn", listedOn.toString()));
        return entry(row, locale);
    }

    @Transactional
    public Entry remove(PlatformUser chief, long id, Removal removal, Locale locale) {
        SeriousListMapper.Row row = mapper.findById(id);
        if (row == null) {
            throw ApiException.notFound("socialorg.seriousList.notFound", id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String reason = reason(removal == null ? null : removal.reason(), "reason", problems, locale);
        LocalDate removedOn = day(removal == null ? null : removal.removedOn(), "removedOn", problems, locale);
        if (removedOn != null && removedOn.isBefore(row.listedOn())) {
            problems.add(FieldProblems.of(messages, locale, "removedOn", "socialorg.seriousList.label.removedOn",
                    "socialorg.seriousList.removedBeforeListed"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (row.removedOn() != null) {
            throw ApiException.conflict("socialorg.seriousList.alreadyRemoved");
        }
        mapper.remove(id, removedOn, reason, chief.id(), BusinessTime.now());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kind", row.subjectKind());
        before.put("listedOn", row.listedOn().toString());
        audit.byUser(chief.id(), chief.roles(), "socialorg.seriousList.remove", "so_serious_list/" + id, "OK", before,
                Map.of("removedOn", removedOn.toString()));
        return entry(mapper.findById(id), locale);
    }

    /**
     * Lists an organisation by the platform's own rule (two years on the activity-abnormal list, Order No. 60), in
     * the audit log as the system's; false when it is already listed.
     */
    @Transactional
    public boolean addBySystem(String name, String creditCode, String reason, LocalDate listedOn) {
        String key = ORGANISATION + ":" + creditCode.strip().toUpperCase(Locale.ROOT);
        if (mapper.findCurrent(key) != null) {
            return false;
        }
        mapper.insert(new SeriousListMapper.Row(null, ORGANISATION, key, name, creditCode, reason, listedOn,
                AuditLog.SYSTEM, null, null, null, BusinessTime.now()));
        audit.bySystem("socialorg.seriousList.add", "so_serious_list/" + mapper.findCurrent(key).id(), "OK", null,
                Map.of("kind", ORGANISATION, "listedOn", listedOn.toString()));
        return true;
    }

    private String reason(String text, String field, List<FieldProblem> problems, Locale locale) {
        String reason = text == null ? "" : text.strip();
        if (reason.isEmpty()) {
            problems.add(labelled(locale, field, "form.required"));
        } else if (reason.length() > 500) {
            problems.add(labelled(locale, field, "form.tooLong", 500));
        }
        return reason;
    }

    /** A date of listing or removal: required, ISO, not after today. */
    private LocalDate day(String text, String field, List<FieldProblem> problems, Locale locale) {
        if (text == null || text.isBlank()) {
            problems.add(labelled(locale, field, "form.required"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.isAfter(BusinessTime.now().toLocalDate())) {
                problems.add(FieldProblems.of(messages, locale, field, "socialorg.seriousList.label." + field,
                        "socialorg.seriousList.future"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblems.of(messages, locale, field, "socialorg.seriousList.label." + field,
                    "socialorg.seriousList.badDate"));
            return null;
        }
    }

    private FieldProblem labelled(Locale locale, String field, String code, Object... more) {
        return FieldProblems.labelled(messages, locale, field, "socialorg.seriousList.label." + field, code, more);
    }

    private Entry entry(SeriousListMapper.Row r, Locale locale) {
        return new Entry(r.id(), r.subjectKind(),
                messages.getMessage("socialorg.seriousList.kind." + r.subjectKind(), null, locale), r.subjectName(),
                r.subjectShown(), r.reason(), r.listedOn(), r.listedBy(), r.removedOn(), r.removalReason(),
                r.removedBy());
    }
}
