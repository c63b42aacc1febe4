package cn.zs.civil.socialorg.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.socialorg.SocialOrgService;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The seal specimen and bank account an organisation files with the authority after registration (社团条例 Art. 16,
 * 民非条例 Art. 14; domain brief §2(c)9, R141): the section records the filing (the day the specimen was filed, the
 * bank, the account number); the organisations of the register that have not filed are listed, with the day it was
 * due where the bureau sets a period ({@code seal-and-account-filing-days}; the regulations and the brief set none).
 */
@Service
public class SealAndAccountFilings {

    public record FilingRequest(String sealFiledOn, String bankName, String accountNo) {
    }

    /** A filing as staff read it; {@code late} when it came after the period set. */
    public record Filing(String creditCode, String organisation, LocalDate sealFiledOn, String bankName,
            String accountNo, LocalDate filedOn, String filedBy, boolean late) {
    }

    /** An organisation that has not filed: since when it is registered, by when it was due (if a period is set). */
    public record Outstanding(String creditCode, String organisation, LocalDate registeredOn, LocalDate dueBy,
            boolean overdue, String statusText) {
    }

    private final SupervisionMapper mapper;
    private final SocialOrgService register;
    private final SupervisionProperties properties;
    private final AuditLog audit;
    private final MessageSource messages;

    SealAndAccountFilings(SupervisionMapper mapper, SocialOrgService register, SupervisionProperties properties,
            AuditLog audit, MessageSource messages) {
        this.mapper = mapper;
        this.register = register;
        this.properties = properties;
        this.audit = audit;
        this.messages = messages;
    }

    /** The day the filing is due for an organisation registered on that day, or null when no period is set. */
    static LocalDate dueBy(LocalDate registeredOn, int days) {
        return days <= 0 || registeredOn == null ? null : registeredOn.plusDays(days);
    }

    @Transactional
    public Filing file(PlatformUser user, String creditCode, FilingRequest request, Locale locale) {
        SocialOrgService.Organisation org = register.organisation(creditCode);
        if (org == null || !org.active()) {
            throw ApiException.notFound("socialorg.abnormal.notRegisteredHere", creditCode);
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = BusinessTime.now().toLocalDate();
        LocalDate sealFiledOn = null;
        String day = request == null ? null : request.sealFiledOn();
        String dayLabel = "socialorg.seal.label.sealFiledOn";
        if (day == null || day.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, "sealFiledOn", dayLabel, "form.required"));
        } else {
            try {
                sealFiledOn = LocalDate.parse(day.strip());
                if (sealFiledOn.isAfter(today)) {
                    problems.add(FieldProblems.of(messages, locale, "sealFiledOn", dayLabel,
                            "socialorg.seriousList.future"));
                } else if (org.registeredOn() != null && sealFiledOn.isBefore(org.registeredOn())) {
                    problems.add(FieldProblems.of(messages, locale, "sealFiledOn", dayLabel,
                            "socialorg.seal.beforeRegistration"));
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldProblems.of(messages, locale, "sealFiledOn", dayLabel, "socialorg.seriousList.badDate"));
            }
        }
        String bank = request == null || request.bankName() == null ? "" : request.bankName().strip();
        if (bank.isEmpty() || bank.length() > 100) {
            problems.add(FieldProblems.labelled(messages, locale, "bankName", "socialorg.seal.label.bankName",
                    bank.isEmpty() ? "form.required" : "form.tooLong", 100));
        }
        String account = request == null || request.accountNo() == null ? ""
                : request.accountNo().replaceAll("[\\s-]", "");
        if (!account.matches("\\d{8,30}")) {
            problems.add(FieldProblems.of(messages, locale, "accountNo", "socialorg.seal.label.accountNo",
                    "socialorg.seal.badAccount"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (mapper.filing(org.creditCode()) != null) {
            throw ApiException.conflict("socialorg.seal.already", org.name());
        }
        LocalDate due = dueBy(org.registeredOn(), properties.sealAndAccountFilingDays());
        boolean late = due != null && today.isAfter(due);
        mapper.insertFiling(new SupervisionMapper.FilingRow(org.creditCode(), sealFiledOn, bank, account, today,
                user.id(), late, BusinessTime.now()));
        audit.byUser(user.id(), user.roles(), "socialorg.sealAndAccount.add", "so_seal_account_filing/"
                + org.creditCode(), "OK", null, Map.of("late", late));
        return filing(org, mapper.filing(org.creditCode()));
    }

    /** The organisation's filing, or null. */
    public Filing of(String creditCode) {
        SocialOrgService.Organisation org = register.organisation(creditCode);
        SupervisionMapper.FilingRow row = org == null ? null : mapper.filing(org.creditCode());
        return row == null ? null : filing(org, row);
    }

    /** The organisations of the register that have not filed: overdue first, then the longest registered. */
    public List<Outstanding> outstanding(Locale locale) {
        Map<String, SupervisionMapper.FilingRow> filed = new HashMap<>();
        mapper.filings().forEach(f -> filed.put(f.creditCode(), f));
        LocalDate today = BusinessTime.now().toLocalDate();
        List<Outstanding> out = new ArrayList<>();
        for (SocialOrgService.Organisation org : register.activeOrganisations()) {
            if (!filed.containsKey(org.creditCode())) {
                LocalDate due = dueBy(org.registeredOn(), properties.sealAndAccountFilingDays());
                boolean overdue = due != null && today.isAfter(due);
                out.add(new Outstanding(org.creditCode(), org.name(), org.registeredOn(), due, overdue,
                        messages.getMessage(overdue ? "socialorg.seal.overdue" : due == null ? "socialorg.seal.notFiled"
                                : "socialorg.seal.due", new Object[] {due == null ? "" : due.toString()}, locale)));
            }
        }
        out.sort(java.util.Comparator.comparing(Outstanding::overdue).reversed()
                .thenComparing(Outstanding::registeredOn));
        return out;
    }

    private Filing filing(SocialOrgService.Organisation org, SupervisionMapper.FilingRow row) {
        return new Filing(row.creditCode(), org.name(), row.sealFiledOn(), row.bankName(), row.accountNo(),
                row.filedOn(), row.filedBy(), row.late());
    }
}
