package cn.zs.civil.socialorg.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.socialorg.SocialOrgProcess;
import cn.zs.civil.socialorg.SocialOrgProperties;
import cn.zs.civil.socialorg.SocialOrgService;
import cn.zs.civil.socialorg.credit.SeriousList;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Revocation of a registration (撤销登记; domain brief §2(c), R151), an enforcement path decided by the bureau's
 * director: fraud in the registration (社团条例 Art. 29, 民非条例 Art. 24); a social group with no activity within
 * 1 year of its certificate (社团条例 Art. 29), which can be decided only once that year has passed; a private
 * non-enterprise unit whose supervisory unit withdrew its approval (民非条例 Art. 24). The register marks it revoked
 * (its name stays blocked for 3 years), a written decision with the remedy notice and an announcement are made, and
 * the organisation goes on the serious bad-faith list (Order No. 60). The watch list names the social groups past
 * their first year with no annual report recorded, for the section to check for activity.
 */
@Service
public class Revocations {

    static final String FRAUD = "FRAUD";
    static final String NO_ACTIVITY = "NO_ACTIVITY";
    static final String APPROVAL_WITHDRAWN = "SUPERVISORY_APPROVAL_WITHDRAWN";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String BUREAU = "中山市民政局";
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    public record Request(String ground, String reasons) {
    }

    public record Revocation(String creditCode, String organisation, String ground, String groundText, String reasons,
            LocalDate decidedOn, String decidedBy, String decision, String announcement) {
    }

    /** A social group past its first year with no annual report recorded. */
    public record Watched(String creditCode, String organisation, LocalDate registeredOn, LocalDate yearEnded) {
    }

    private final SupervisionMapper mapper;
    private final SocialOrgService register;
    private final SeriousList seriousList;
    private final SocialOrgProperties socialOrgProperties;
    private final AuditLog audit;
    private final MessageSource messages;

    Revocations(SupervisionMapper mapper, SocialOrgService register, SeriousList seriousList,
            SocialOrgProperties socialOrgProperties, AuditLog audit, MessageSource messages) {
        this.mapper = mapper;
        this.register = register;
        this.seriousList = seriousList;
        this.socialOrgProperties = socialOrgProperties;
        this.audit = audit;
        this.messages = messages;
    }

    /** Whether the ground applies to an organisation of that type registered on that day, decided today. */
    static String groundProblem(String ground, String orgType, LocalDate registeredOn, LocalDate today) {
        if (FRAUD.equals(ground)) {
            return null;
        }
        if (NO_ACTIVITY.equals(ground)) {
            if (!SocialOrgProcess.SOCIAL_GROUP.equals(orgType)) {
                return "socialorg.revocation.noActivityGroupsOnly";
            }
            return registeredOn != null && registeredOn.plusYears(1).isAfter(today)
                    ? "socialorg.revocation.noActivityTooEarly" : null;
        }
        if (APPROVAL_WITHDRAWN.equals(ground)) {
            return SocialOrgProcess.PRIVATE_NON_ENTERPRISE.equals(orgType) ? null
                    : "socialorg.revocation.withdrawnUnitsOnly";
        }
        return "socialorg.revocation.noGround";
    }

    @Transactional
    public Revocation revoke(PlatformUser director, String creditCode, Request request, Locale locale) {
        SocialOrgService.Organisation org = register.organisation(creditCode);
        if (org == null || !org.active()) {
            throw ApiException.notFound("socialorg.abnormal.notRegisteredHere", creditCode);
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        String ground = request == null ? null : request.ground();
        String problem = groundProblem(ground, org.orgType(), org.registeredOn(), today);
        if (problem != null) {
            problems.add(FieldProblems.of(messages, locale, "ground", "socialorg.revocation.label.ground", problem,
                    org.registeredOn() == null ? "" : org.registeredOn().plusYears(1).toString()));
        }
        String reasons = request == null || request.reasons() == null ? "" : request.reasons().strip();
        if (reasons.isEmpty() || reasons.length() > 1000) {
            problems.add(FieldProblems.labelled(messages, locale, "reasons", "socialorg.revocation.label.reasons",
                    reasons.isEmpty() ? "form.required" : "form.tooLong", 1000));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        register.revoke(org.creditCode(), today);
        String groundText = messages.getMessage("socialorg.revocation.ground." + ground, null, ZH);
        String decision = BUREAU + "撤销登记决定书\n" + org.name() + "（统一社会信用代码 " + org.creditCode() + "）"
                + groundText + "。\n具体理由：" + reasons + "\n依据上述规定，本机关决定撤销其登记，收缴登记证书和印章。\n"
                + socialOrgProperties.remedyNotice().zh() + "\n" + BUREAU + "（印）" + DATE.format(today);
        String announcement = BUREAU + "关于撤销" + org.name() + "登记的公告\n" + org.name() + "（统一社会信用代码 "
                + org.creditCode() + "）" + groundText + "，本机关依法撤销其登记。\n特此公告。\n" + BUREAU + " "
                + DATE.format(today);
        mapper.insertRevocation(new SupervisionMapper.RevocationRow(org.creditCode(), ground, reasons, today,
                director.id(), decision, announcement));
        seriousList.addBySystem(org.name(), org.creditCode(),
                messages.getMessage("socialorg.revocation.seriousListReason", null, ZH), today);
        audit.byUser(director.id(), director.roles(), "socialorg.revocation", "so_registered_org/" + org.creditCode(),
                "OK", Map.of("status", "ACTIVE"), Map.of("status", "REVOKED", "ground", ground));
        return view(org.name(), mapper.revocation(org.creditCode()), locale);
    }

    /** The revocation of an organisation, or null. */
    public Revocation of(String creditCode, Locale locale) {
        SocialOrgService.Organisation org = register.organisation(creditCode);
        SupervisionMapper.RevocationRow row = org == null ? null : mapper.revocation(org.creditCode());
        return row == null ? null : view(org.name(), row, locale);
    }

    /** Social groups past their first year with no annual report recorded: to be checked for activity. */
    public List<Watched> watch() {
        LocalDate today = BusinessTime.now().toLocalDate();
        List<Watched> out = new ArrayList<>();
        for (SocialOrgService.Organisation org : register.activeOrganisations()) {
            if (!SocialOrgProcess.SOCIAL_GROUP.equals(org.orgType()) || org.registeredOn() == null
                    || org.registeredOn().plusYears(1).isAfter(today)) {
                continue;
            }
            Set<Integer> reported = new HashSet<>();
            for (int year = org.registeredOn().getYear(); year < today.getYear(); year++) {
                if (mapper.report(org.creditCode(), year) != null) {
                    reported.add(year);
                }
            }
            if (reported.isEmpty()) {
                out.add(new Watched(org.creditCode(), org.name(), org.registeredOn(), org.registeredOn().plusYears(1)));
            }
        }
        return out;
    }

    private Revocation view(String name, SupervisionMapper.RevocationRow row, Locale locale) {
        return new Revocation(row.creditCode(), name, row.ground(),
                messages.getMessage("socialorg.revocation.ground." + row.ground(), null, locale), row.reasons(),
                row.decidedOn(), row.decidedBy(), row.decisionText(), row.announcementText());
    }
}
