package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import cn.zs.civil.protection.SealedText;
import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.registry.CreditCodes;
import cn.zs.civil.application.CaseEventRow;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * The social-organisation register and the written documents of a case: the automated pre-check, the receipt, the
 * verifiers, the decision notice (with the statutory ground and the remedy notice), the announcement and the
 * certificate. Documents are generated from the case's data; they are official texts, so they are in Chinese.
 */
@Service
public class SocialOrgService {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String ACTIVE = "ACTIVE";
    private static final String RENAMED = "RENAMED";
    private static final String CANCELLED = "CANCELLED";
    private static final String BUREAU = "中山市民政局";

    private final SocialOrgMapper mapper;
    private final SocialOrgProperties properties;
    private final ApplicationService applications;
    private final Sequences sequences;
    private final MessageSource messages;
    private final NameCheck names;
    private final CaseLog caseLog;
    private final SealedText sealed;

    SocialOrgService(SocialOrgMapper mapper, SocialOrgProperties properties, ApplicationService applications,
            Sequences sequences, MessageSource messages, CaseLog caseLog, SealedText sealed) {
        this.caseLog = caseLog;
        this.sealed = sealed;
        this.mapper = mapper;
        this.properties = properties;
        this.applications = applications;
        this.sequences = sequences;
        this.messages = messages;
        this.names = new NameCheck(properties.names());
    }

    /** What the automated pre-check found, as engine facts. */
    public record Precheck(boolean competent, String nameCheck, String nameFindings, String nameSimilarTo) {
    }

    /** Competence and name check of an establishment application, before any person looks at it. */
    public Precheck precheck(String applicationNo, String serviceCode) {
        Map<String, Object> data = applications.formData(applicationNo);
        String orgType = (String) data.get(VAR_ORG_TYPE);
        String name = (String) data.get(FIELD_PROPOSED_NAME);
        ensureCase(applicationNo, serviceCode);
        var now = BusinessTime.now();
        if (FOUNDATION.equals(orgType) && !properties.foundations().delegated()) {
            String authority = properties.foundations().competentAuthority().zh();
            String notice = BUREAU + "不予受理决定书\n申请事项：" + name + "成立登记（申请编号 " + applicationNo + "）。\n"
                    + "依据《基金会管理条例》第六条，基金会由国务院民政部门或者省、自治区、直辖市人民政府民政部门登记，"
                    + "本机关无权登记。依据《中华人民共和国行政许可法》第三十二条第一款第（二）项，决定不予受理，"
                    + "请向" + authority + "提出申请。\n" + properties.remedyNotice().zh() + "\n" + BUREAU + "（印）"
                    + DATE.format(now);
            mapper.updateCheck(applicationNo, orgType, null, null, authority,
                    sealed.seal(SealedText.Column.SO_DECISION, applicationNo, notice), now);
            return new Precheck(false, null, null, null);
        }
        NameCheck.Result result = checkName(orgType, name, null);
        mapper.updateCheck(applicationNo, orgType, result.codes(), result.similarTo(), null, null, now);
        return new Precheck(true, result.passed() ? NAME_PASSED : NAME_FLAGGED, result.codes(), result.similarTo());
    }

    public record NameCheckView(boolean passed, List<String> findings, List<String> findingTexts, String forbiddenWord,
            String similarTo) {
    }

    /** The same check for the pre-consultation (名称预先查询) before applying. */
    public NameCheckView nameCheck(String orgType, String name, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        if (orgType == null || !List.of(SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE, FOUNDATION).contains(orgType)) {
            problems.add(new FieldProblem("orgType", "orgType", "form.notOption",
                    messages.getMessage("form.notOption", new Object[] {"orgType"}, locale)));
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            problems.add(new FieldProblem("name", "name", "form.required",
                    messages.getMessage("form.required", new Object[] {"name"}, locale)));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        NameCheck.Result result = checkName(orgType, name, null);
        List<String> codes = result.findings().stream().map(Enum::name).toList();
        return new NameCheckView(result.passed(), codes, codes.stream()
                .map(c -> messages.getMessage("socialorg.name." + c, null, c, locale)).toList(),
                result.forbiddenWord(), result.similarTo());
    }

    private NameCheck.Result checkName(String orgType, String name, String ownCreditCode) {
        List<NameCheck.Existing> existing = new ArrayList<>();
        for (SocialOrgMapper.RegisteredOrg org : mapper.findByType(orgType)) {
            if (org.creditCode().equals(ownCreditCode)) {
                continue;
            }
            existing.add(new NameCheck.Existing(org.name(), org.status(), org.statusSince()));
            if (org.formerName() != null) {
                existing.add(new NameCheck.Existing(org.formerName(), RENAMED, org.statusSince()));
            }
        }
        return names.check(name, existing, BusinessTime.now().toLocalDate());
    }

    /** The written receipt of acceptance (ALL Art. 32: sealed and dated). */
    public void issueReceipt(String applicationNo, LocalDateTime acceptedAt, int statutoryLimitDays) {
        ApplicationRow row = applications.byNo(applicationNo);
        String text = BUREAU + "受理通知书\n" + row.subjectName() + "的" + serviceName(row.serviceCode())
                + "申请（申请编号 " + applicationNo + "），材料于" + DATE.format(row.receivedAt()) + "收到，本机关于"
                + DATE.format(acceptedAt) + "受理。法定办理期限为自受理之日起" + statutoryLimitDays
                + "个工作日，专家评审等依法不计入期限的时间除外。\n" + BUREAU + "（印）" + DATE.format(BusinessTime.now());
        mapper.updateReceipt(applicationNo, sealed.seal(SealedText.Column.SO_RECEIPT, applicationNo, text),
                BusinessTime.now());
    }

    /** ALL Art. 34: two or more staff; the same person cannot be both. */
    public void recordVerifiers(String applicationNo, String first, String second) {
        if (first == null || second == null || first.equals(second)) {
            throw new IllegalArgumentException("On-site verification needs two different staff");
        }
        mapper.updateVerifiers(applicationNo, first, second, BusinessTime.now());
    }

    /** The certificate of the registered organisation. */
    public record Registration(String certificateType, String certificateNo, String creditCode) {
    }

    /** Enters the organisation in the register with its credit code and certificate, and announces it (Art. 23). */
    public Registration register(String applicationNo) {
        ApplicationRow row = applications.byNo(applicationNo);
        Map<String, Object> data = applications.formData(row);
        String orgType = (String) data.get(VAR_ORG_TYPE);
        String type = certificateType(orgType, (String) data.get(VAR_LIABILITY_FORM));
        var now = BusinessTime.now();
        long n = sequences.next("socialorg-certificate-" + now.getYear());
        String certificateNo = "中民社证字" + now.getYear() + String.format("%04d", n) + "号";
        String creditCode = creditCode(orgType, sequences.next("socialorg-credit-code"));
        String name = (String) data.get(FIELD_PROPOSED_NAME);
        mapper.insertRegistered(new SocialOrgMapper.RegisteredOrg(null, name, orgType, creditCode, ACTIVE,
                now.toLocalDate(), null, now.toLocalDate(), applicationNo));
        mapper.updateCertificate(applicationNo, type, certificateNo, creditCode, now);
        updateDecision(applicationNo, BUREAU + "准予登记决定书\n" + name + "（申请编号 " + applicationNo
                + "）符合法定成立条件，准予成立登记，颁发《" + text("socialorg.certificate." + type) + "》（"
                + certificateNo + "），统一社会信用代码 " + creditCode + "。\n" + BUREAU + "（印）" + DATE.format(now),
                null, now);
        updateAnnouncement(applicationNo, BUREAU + "关于准予" + name + "成立登记的公告\n经审查，" + name
                + "符合" + regulation(orgType) + "规定的成立条件，准予成立登记。\n统一社会信用代码：" + creditCode
                + "\n住所：" + data.get(FIELD_DOMICILE) + "\n法定代表人（负责人）：" + data.get(FIELD_LEGAL_REP_NAME)
                + "\n宗旨：" + data.get(FIELD_PURPOSE) + "\n业务范围：" + data.get(FIELD_BUSINESS_SCOPE)
                + "\n" + text("socialorg.cert.funds." + orgType) + "：" + amount(data.get(FIELD_FUNDS)) + "元\n特此公告。\n" + BUREAU + " "
                + DATE.format(now), now);
        return new Registration(type, certificateNo, creditCode);
    }

    /** A refusal in writing: the statutory ground, the reasons and the remedy notice (ALL Art. 38). */
    public void refuse(String applicationNo, String ground) {
        refuse(applicationNo, ground, null);
    }

    /**
     * The same, stating what the automated checks found that supports the refusal (the proposed legal
     * representative's eligibility, 社团条例 Arts. 12-13), in Chinese like the rest of the notice.
     */
    public void refuse(String applicationNo, String ground, String findings) {
        ApplicationRow row = applications.byNo(applicationNo);
        String reasons = lastTaskValue(applicationNo, FIELD_REASONS);
        var now = BusinessTime.now();
        String text = BUREAU + "不予" + decisionWord(row.serviceCode()) + "决定书\n" + row.subjectName() + "的"
                + serviceName(row.serviceCode()) + "申请（申请编号 " + applicationNo + "），经审查，决定不予"
                + decisionWord(row.serviceCode()) + "。\n法定理由：" + text("socialorg.ground." + ground)
                + (findings == null || findings.isBlank() ? "" : "\n审查发现：" + findings.replace("\n", "；"))
                + (reasons == null || reasons.isBlank() ? "" : "\n具体理由：" + reasons) + "\n"
                + properties.remedyNotice().zh() + "\n" + BUREAU + "（印）" + DATE.format(now);
        updateDecision(applicationNo, text, ground, now);
    }

    /** Facts of a change or cancellation application: is the organisation ours, was it filed in time. */
    public record Filing(boolean registeredHere, boolean filedInTime, long daysSince) {
    }

    public Filing filing(String applicationNo, String serviceCode, boolean cancellation) {
        Map<String, Object> data = applications.formData(applicationNo);
        ensureCase(applicationNo, serviceCode);
        SocialOrgMapper.RegisteredOrg org = mapper.findByCreditCode((String) data.get(FIELD_REGISTRATION_NO));
        boolean ours = org != null && ACTIVE.equals(org.status())
                && org.name().equals(data.get(FIELD_ORGANISATION_NAME));
        LocalDate from = LocalDate.parse((String) data.get(cancellation ? FIELD_LIQUIDATION_ENDED_ON : FIELD_APPROVED_ON));
        long days = ChronoUnit.DAYS.between(from, BusinessTime.now().toLocalDate());
        int limit = cancellation ? properties.cancellationFilingDays() : properties.changeFilingDays();
        mapper.updateCheck(applicationNo, org == null ? null : org.orgType(), null, null, null, null, BusinessTime.now());
        return new Filing(ours, days >= 0 && days <= limit, days);
    }

    /**
     * Changes that amend the charter (its purpose and scope are charter clauses): the authority approves (核准) the
     * amended charter, which the application must attach (社团条例 Art. 18, 民非条例 Art. 15, 基金会条例 Art. 15).
     */
    static final List<String> CHARTER_ITEMS = List.of("CHARTER", "PURPOSE_SCOPE");

    /** Applies an approved change to the register; a former name stays blocked for the hold period. */
    public void recordChange(String applicationNo, String changedItem) {
        Map<String, Object> data = applications.formData(applicationNo);
        String code = (String) data.get(FIELD_REGISTRATION_NO);
        var now = BusinessTime.now();
        if ("NAME".equals(changedItem)) {
            mapper.updateRegisteredName(code, (String) data.get(FIELD_NEW_VALUE),
                    (String) data.get(FIELD_ORGANISATION_NAME), now.toLocalDate());
        }
        updateDecision(applicationNo, BUREAU + "准予变更登记决定书\n" + data.get(FIELD_ORGANISATION_NAME)
                + "（统一社会信用代码 " + code + "）" + text("socialorg.changedItem." + changedItem) + "由“"
                + data.get("oldValue") + "”变更为“" + data.get(FIELD_NEW_VALUE) + "”，准予变更登记。\n"
                + (CHARTER_ITEMS.contains(changedItem) ? "修改后的章程经本机关核准，自核准之日起生效。\n" : "") + BUREAU
                + "（印）" + DATE.format(now), null, now);
    }

    public void announceChange(String applicationNo, String changedItem) {
        Map<String, Object> data = applications.formData(applicationNo);
        var now = BusinessTime.now();
        updateAnnouncement(applicationNo, BUREAU + "关于" + data.get(FIELD_ORGANISATION_NAME) + "变更登记的公告\n"
                + data.get(FIELD_ORGANISATION_NAME) + "（统一社会信用代码 " + data.get(FIELD_REGISTRATION_NO) + "）"
                + text("socialorg.changedItem." + changedItem) + "由“" + data.get("oldValue") + "”变更为“"
                + data.get(FIELD_NEW_VALUE) + "”，经本机关核准，准予变更登记。\n特此公告。\n" + BUREAU + " "
                + DATE.format(now), now);
    }

    /** Cancels the registration, with the proof of cancellation and the announcement; the name is held a year. */
    public void cancel(String applicationNo) {
        Map<String, Object> data = applications.formData(applicationNo);
        String code = (String) data.get(FIELD_REGISTRATION_NO);
        String name = (String) data.get(FIELD_ORGANISATION_NAME);
        var now = BusinessTime.now();
        mapper.updateRegisteredStatus(code, CANCELLED, now.toLocalDate());
        updateDecision(applicationNo, BUREAU + "注销登记证明\n" + name + "（统一社会信用代码 " + code
                + "）已完成清算，经核准注销登记；登记证书正副本、印章和财务凭证已收缴。\n" + BUREAU + "（印）"
                + DATE.format(now), null, now);
        updateAnnouncement(applicationNo, BUREAU + "关于" + name + "注销登记的公告\n" + name + "（统一社会信用代码 "
                + code + "）经本机关核准，准予注销登记，其登记证书、印章和财务凭证已收缴。\n特此公告。\n" + BUREAU + " "
                + DATE.format(now), now);
    }

    /** The decision document, sealed at rest ({@link SealedText}): it names the organisation's people and reasons. */
    private void updateDecision(String applicationNo, String text, String ground, java.time.LocalDateTime now) {
        mapper.updateDecision(applicationNo, sealed.seal(SealedText.Column.SO_DECISION, applicationNo, text), ground, now);
    }

    /** The announcement, sealed at rest like the decision: it names the legal representative. */
    private void updateAnnouncement(String applicationNo, String text, java.time.LocalDateTime now) {
        mapper.updateAnnouncement(applicationNo, sealed.seal(SealedText.Column.SO_ANNOUNCEMENT, applicationNo, text),
                now);
    }

    /**
     * The documents of a case as the applicant or an entitled member of staff may read them: the reasons staff typed
     * into a decision reach the applicant with other people's ID and account numbers masked, like all free text.
     */
    public Map<String, Object> documents(PlatformUser user, String applicationNo) {
        ApplicationRow row = applications.readable(user, applicationNo);
        SocialOrgMapper.CaseRow c = mapper.findCase(row.applicationNo());
        if (c == null) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        java.util.function.UnaryOperator<String> shown = applications.freeTextShownTo(user, row, null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applicationNo", c.applicationNo());
        out.put("serviceCode", c.serviceCode());
        out.put("nameFindings", c.nameFindings() == null || c.nameFindings().isEmpty() ? List.of()
                : List.of(c.nameFindings().split(",")));
        out.put("nameSimilarTo", c.nameSimilarTo());
        out.put("competentAuthority", c.competentAuthority());
        out.put("receipt", shown.apply(sealed.open(SealedText.Column.SO_RECEIPT, c.applicationNo(), c.receiptText())));
        if (user.isStaff()) {
            out.put("verifiers", c.firstVerifier() == null ? List.of() : List.of(c.firstVerifier(), c.secondVerifier()));
        }
        out.put("decision", shown.apply(sealed.open(SealedText.Column.SO_DECISION, c.applicationNo(),
                c.decisionText())));
        out.put("refusalGround", c.refusalGround());
        out.put("announcement", shown.apply(sealed.open(SealedText.Column.SO_ANNOUNCEMENT, c.applicationNo(),
                c.announcementText())));
        out.put("certificateType", c.certificateType());
        out.put("certificateName", c.certificateType() == null ? null
                : messages.getMessage("socialorg.certificate." + c.certificateType(), null, c.certificateType(),
                        LocaleContextHolder.getLocale()));
        out.put("certificateNo", c.certificateNo());
        out.put("creditCode", c.creditCode());
        if (c.certificateNo() != null) {
            out.put("certificateFacts", certificateFacts(row, c, LocaleContextHolder.getLocale()));
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /**
     * What the certificate states (民政部登记证书式样): the organisation's name as the register holds it, its credit
     * code, domicile, legal representative, business scope and funds as registered, the registration authority and
     * the date of registration; each labelled in the reader's language.
     */
    private List<Map<String, String>> certificateFacts(ApplicationRow row, SocialOrgMapper.CaseRow c, Locale locale) {
        Map<String, Object> data = applications.formData(row);
        SocialOrgMapper.RegisteredOrg org = c.creditCode() == null ? null : mapper.findByCreditCode(c.creditCode());
        String orgType = org != null ? org.orgType() : c.orgType() != null ? c.orgType() : (String) data.get(VAR_ORG_TYPE);
        Object funds = data.get(FIELD_FUNDS);
        List<Map<String, String>> facts = new ArrayList<>();
        java.util.function.BiConsumer<String, Object> add = (key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                facts.add(Map.of("label", messages.getMessage("socialorg.cert." + key, null, locale),
                        "value", value.toString()));
            }
        };
        add.accept("name", org != null ? org.name() : data.get(FIELD_PROPOSED_NAME));
        add.accept("creditCode", c.creditCode());
        add.accept("domicile", data.get(FIELD_DOMICILE));
        add.accept("legalRepresentative", data.get(FIELD_LEGAL_REP_NAME));
        add.accept("businessScope", data.get(FIELD_BUSINESS_SCOPE));
        add.accept("funds." + (orgType == null ? SOCIAL_GROUP : orgType), funds == null ? null
                : messages.getMessage("socialorg.cert.yuan", new Object[] {amount(funds)}, locale));
        add.accept("authority", "en".equals(locale.getLanguage())
                ? messages.getMessage("socialorg.cert.authorityName", null, locale) : BUREAU);
        java.time.LocalDate on = org != null && org.registeredOn() != null ? org.registeredOn()
                : c.decidedAt() == null ? null : c.decidedAt().toLocalDate();
        add.accept("registeredOn", on == null ? null : day(on, locale));
        int years = properties.certificateValidityYears();
        add.accept("validUntil", on == null || years <= 0 ? null : day(on.plusYears(years).minusDays(1), locale));
        return facts;
    }

    private static String day(java.time.LocalDate day, Locale locale) {
        return "en".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day)
                : DATE.format(day);
    }

    /** An organisation of the register as other parts of the module read it (supervision, credit lists). */
    public record Organisation(String name, String orgType, String creditCode, String status, LocalDate registeredOn) {

        public boolean active() {
            return ACTIVE.equals(status);
        }
    }

    /** The organisation with this credit code in the register, or null. */
    public Organisation organisation(String creditCode) {
        SocialOrgMapper.RegisteredOrg org = creditCode == null ? null : mapper.findByCreditCode(creditCode.strip());
        return org == null ? null : new Organisation(org.name(), org.orgType(), org.creditCode(), org.status(),
                org.registeredOn());
    }

    /**
     * Revokes an organisation's registration (撤销登记, 社团条例 Art. 29, 民非条例 Art. 24): the register holds it as
     * revoked from that day (its name stays blocked, Order No. 69 Art. 16). Returns the organisation as it was.
     */
    public Organisation revoke(String creditCode, LocalDate on) {
        Organisation org = organisation(creditCode);
        if (org == null || !org.active()) {
            throw ApiException.notFound("socialorg.abnormal.notRegisteredHere", creditCode);
        }
        mapper.updateRegisteredStatus(org.creditCode(), "REVOKED", on);
        return org;
    }

    /** The organisations registered here and not cancelled or revoked, oldest first. */
    public List<Organisation> activeOrganisations() {
        List<Organisation> out = new ArrayList<>();
        for (String type : List.of(SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE, FOUNDATION)) {
            for (SocialOrgMapper.RegisteredOrg org : mapper.findByType(type)) {
                if (ACTIVE.equals(org.status())) {
                    out.add(new Organisation(org.name(), org.orgType(), org.creditCode(), org.status(),
                            org.registeredOn()));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Organisation::registeredOn));
        return out;
    }

    /** Demo organisations for the name check (embedded default only); those already there are left alone. */
    int seedDemoOrganisations(List<SocialOrgMapper.RegisteredOrg> orgs) {
        int added = 0;
        for (SocialOrgMapper.RegisteredOrg org : orgs) {
            if (mapper.findByCreditCode(org.creditCode()) == null) {
                added += mapper.insertRegistered(org);
            }
        }
        return added;
    }

    /** The reasons typed on the decision form stay in the case's audit trail, not in the engine. */
    private String lastTaskValue(String applicationNo, String key) {
        List<CaseEventRow> events = caseLog.events(applicationNo);
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEventRow e = events.get(i);
            if (CaseEventType.TASK_COMPLETED.name().equals(e.eventType()) && e.data() != null) {
                Object value = applications.parse(e.data()).get(key);
                if (value != null) {
                    return value.toString();
                }
            }
        }
        return null;
    }

    private void ensureCase(String applicationNo, String serviceCode) {
        if (mapper.findCase(applicationNo) == null) {
            mapper.insertCase(applicationNo, serviceCode, BusinessTime.now());
        }
    }

    /** 民非条例 Art. 12: three certificates by liability form; social groups and foundations are legal persons. */
    static String certificateType(String orgType, String liabilityForm) {
        if (PRIVATE_NON_ENTERPRISE.equals(orgType)) {
            return "PNE_" + (liabilityForm == null ? "LEGAL_PERSON" : liabilityForm);
        }
        return FOUNDATION.equals(orgType) ? "FOUNDATION" : "SOCIAL_GROUP";
    }

    /**
     * A unified social credit code (GB 32100-2015): registration authority 5 (civil affairs), class 1/2/3 (social
     * group, private non-enterprise unit, foundation), division 442000, a 9-character body and the check character.
     */
    static String creditCode(String orgType, long serial) {
        String kind = PRIVATE_NON_ENTERPRISE.equals(orgType) ? "2" : FOUNDATION.equals(orgType) ? "3" : "1";
        // The organisation code's body: "MJ" (civil-affairs registration) and the serial in six GB 32100 characters.
        StringBuilder body = new StringBuilder();
        long n = serial;
        for (int i = 0; i < 6; i++) {
            body.insert(0, CreditCodes.CHARS.charAt((int) (n % CreditCodes.CHARS.length())));
            n /= CreditCodes.CHARS.length();
        }
        return CreditCodes.of("5" + kind + "442000", "MJ" + body);
    }

    private static String regulation(String orgType) {
        return switch (orgType) {
            case PRIVATE_NON_ENTERPRISE -> "《民办非企业单位登记管理暂行条例》";
            case FOUNDATION -> "《基金会管理条例》";
            default -> "《社会团体登记管理条例》";
        };
    }

    private static String amount(Object value) {
        return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private String serviceName(String serviceCode) {
        return text("socialorg.service." + serviceCode);
    }

    private static String decisionWord(String serviceCode) {
        return serviceCode.endsWith("change") ? "变更登记" : serviceCode.endsWith("cancellation") ? "注销登记" : "登记";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, ZH);
    }
}
