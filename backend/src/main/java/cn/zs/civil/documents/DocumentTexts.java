package cn.zs.civil.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.CorrectionNoticeRow;
import cn.zs.civil.application.DecisionNotices;
import cn.zs.civil.application.Masking;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.documents.DocumentText.Fact;
import cn.zs.civil.documents.DocumentText.Section;
import cn.zs.civil.funeral.FuneralWaivers;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.application.CaseEventRow;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.marriage.DivorceService;
import cn.zs.civil.marriage.MarriageCertificates;
import cn.zs.civil.placename.PlacenameService;
import cn.zs.civil.socialorg.SocialOrgService;

/**
 * What each document says, read from the owners of its facts at the time of issue: the case from
 * {@link ApplicationService}, a decision against the applicant from {@link DecisionNotices} (the same notice the
 * case page shows), the certificate and announcement of a social organisation from {@link SocialOrgService#documents},
 * a place name's announcement from {@link PlacenameService}, the certificate number from {@code marriage}, the
 * waiver from {@code funeral}. Nothing is worded twice: this class only lays the facts out and labels them.
 *
 * <p>The document is the applicant's: free text typed by staff reaches it as it reaches the applicant's case page
 * (other people's ID and account numbers masked); ID numbers printed as facts are masked the same way.
 */
@Component
class DocumentTexts {

    private static final String DIVORCE = "divorce-registration";

    /** The official language of every document. */
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final ApplicationService applications;
    private final DecisionNotices decisions;
    private final DecisionNotices.Properties decisionProperties;
    private final ServiceCatalogue catalogue;
    private final MessageSource messages;
    private final MarriageCertificates certificates;
    private final FuneralWaivers waivers;
    private final SocialOrgService socialOrgs;
    private final PlacenameService placenames;
    private final DivorceService divorces;
    private final CaseLog caseLog;
    private final cn.zs.civil.forms.FormDefinitions forms;

    private final cn.zs.civil.catalogue.PolicyParameters parameters;

    DocumentTexts(ApplicationService applications, DecisionNotices decisions,
            DecisionNotices.Properties decisionProperties, ServiceCatalogue catalogue, MessageSource messages,
            MarriageCertificates certificates, FuneralWaivers waivers, SocialOrgService socialOrgs,
            PlacenameService placenames, DivorceService divorces, CaseLog caseLog,
            cn.zs.civil.forms.FormDefinitions forms, cn.zs.civil.catalogue.PolicyParameters parameters) {
        this.parameters = parameters;
        this.forms = forms;
        this.divorces = divorces;
        this.caseLog = caseLog;
        this.applications = applications;
        this.decisions = decisions;
        this.decisionProperties = decisionProperties;
        this.catalogue = catalogue;
        this.messages = messages;
        this.certificates = certificates;
        this.waivers = waivers;
        this.socialOrgs = socialOrgs;
        this.placenames = placenames;
    }

    /** The kinds a case has facts for now (what {@link DocumentService#issueDue} issues). */
    List<DocumentKind> due(ApplicationRow row) {
        List<DocumentKind> out = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            if (applies(row, kind)) {
                out.add(kind);
            }
        }
        return out;
    }

    private boolean applies(ApplicationRow row, DocumentKind kind) {
        if (!kind.fromCase()) {
            return false;
        }
        String service = row.serviceCode();
        boolean registered = "REGISTERED".equals(row.outcome());
        return switch (kind) {
            case RECEIPT -> row.acceptedAt() != null;
            case CORRECTION_NOTICE -> applications.correctionNotice(row.applicationNo()).isPresent();
            case REFUSAL_NOTICE -> decisions.forPublic(row, ZH).isPresent();
            case WAIVER_NOTICE -> service.startsWith("funeral-") && waivers.of(row.applicationNo()).isPresent();
            case SOCIALORG_CERTIFICATE -> service.startsWith("socialorg-") && socialOrg(row).containsKey("certificateNo");
            case SOCIALORG_ANNOUNCEMENT -> service.startsWith("socialorg-") && socialOrg(row).get("announcement") != null
                    && row.outcome() != null;
            case PLACENAME_ANNOUNCEMENT -> "placename-approval".equals(service) && placenameAnnouncement(row).isPresent();
            case PLACENAME_USE_CERTIFICATE -> "placename-approval".equals(service) && "APPROVED".equals(row.outcome())
                    && placenames.standardNameUseOf(row.applicationNo()).isPresent();
            case MARRIAGE_COPY -> "marriage-registration".equals(service) && registered
                    && certificates.of(row.applicationNo()).isPresent();
            case DIVORCE_COPY -> "divorce-registration".equals(service) && registered
                    && certificates.of(row.applicationNo()).isPresent();
            case DIVORCE_WITHDRAWAL -> "divorce-registration".equals(service) && "WITHDRAWN".equals(row.outcome())
                    && withdrawal(row).isPresent();
            case MARRIAGE_REPLACEMENT, DIVORCE_REPLACEMENT, MARRIAGE_RECORD_CERTIFICATE -> false;
        };
    }

    /** The document's text, or empty when the case has no facts for it (yet). */
    Optional<DocumentText> of(ApplicationRow row, DocumentKind kind) {
        if (!applies(row, kind)) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case RECEIPT -> receipt(row);
            case CORRECTION_NOTICE -> correctionNotice(row);
            case REFUSAL_NOTICE -> refusal(row);
            case WAIVER_NOTICE -> waiver(row);
            case SOCIALORG_CERTIFICATE -> certificate(row);
            case SOCIALORG_ANNOUNCEMENT -> textDocument(row, (String) socialOrg(row).get("announcement"),
                    label("kind.SOCIALORG_ANNOUNCEMENT"));
            case PLACENAME_ANNOUNCEMENT -> placenameAnnouncement(row).orElseThrow();
            case PLACENAME_USE_CERTIFICATE -> standardNameUse(row);
            case MARRIAGE_COPY, DIVORCE_COPY -> registration(row, kind);
            case DIVORCE_WITHDRAWAL -> withdrawalConfirmation(row);
            case MARRIAGE_REPLACEMENT, DIVORCE_REPLACEMENT, MARRIAGE_RECORD_CERTIFICATE ->
                    throw new IllegalStateException(kind + " is laid out by the marriage archive");
        });
    }

    private DocumentText receipt(ApplicationRow row) {
        List<Fact> facts = caseFacts(row);
        facts.add(new Fact(label("receivedAt"), time(row.receivedAt())));
        facts.add(new Fact(label("acceptedAt"), time(row.acceptedAt())));
        catalogue.find(row.serviceCode()).ifPresent(s -> {
            // The limits in force on the acceptance day (policy parameters), as the case's clock counts them.
            java.time.LocalDate day = (row.acceptedAt() != null ? row.acceptedAt() : row.receivedAt()).toLocalDate();
            var statutory = parameters.limitOn(cn.zs.civil.catalogue.PolicyParameters.statutoryLimit(
                    row.serviceCode()), s.statutoryLimit(), day);
            var promised = parameters.limitOn(cn.zs.civil.catalogue.PolicyParameters.promisedLimit(
                    row.serviceCode()), s.promisedLimit(), day);
            facts.add(new Fact(label("statutoryLimit"), limit(statutory)));
            if (promised != null && promised.days() != statutory.days()) {
                facts.add(new Fact(label("promisedLimit"), limit(promised)));
            }
        });
        List<String> body = new ArrayList<>();
        body.add(message("document.receipt.body", row.applicationNo()));
        if (DIVORCE.equals(row.serviceCode())) {
            // Civil Code Art. 1077: the receipt tells the couple when the cooling-off period ends and that either of
            // them may withdraw until then, with this receipt (婚姻登记工作规范: 离婚登记申请受理回执单).
            divorces.coolingOffEndsOn(row.applicationNo()).ifPresent(d -> {
                facts.add(new Fact(label("coolingOffEndsOn"), day(d)));
                body.add(message("document.receipt.body.divorce-registration", day(d)));
            });
        }
        facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
        return new DocumentText(titleOf(DocumentKind.RECEIPT, row), facts, List.of(new Section(null, body)));
    }

    /** The confirmation a registry gives the party who withdrew a divorce application (《撤回离婚登记申请确认单》). */
    private DocumentText withdrawalConfirmation(ApplicationRow row) {
        CaseEventRow withdrawn = withdrawal(row).orElseThrow();
        Map<String, Object> data = applications.formData(row);
        List<Fact> facts = caseFacts(row);
        for (String party : List.of("A", "B")) {
            facts.add(new Fact(label("party" + party), string(data.get("party" + party + "Name"))));
        }
        String party = partyOf(withdrawn);
        if (party != null) {
            facts.add(new Fact(label("withdrawnBy"), string(data.get("party" + party + "Name"))));
        }
        facts.add(new Fact(label("acceptedAt"), time(row.acceptedAt())));
        facts.add(new Fact(label("withdrawnAt"), time(withdrawn.occurredAt())));
        facts.add(new Fact(label("authority"), message("document.registryName")));
        return new DocumentText(titleOf(DocumentKind.DIVORCE_WITHDRAWAL, row), facts, List.of(new Section(null,
                List.of(message("document.withdrawal.body", row.applicationNo())))));
    }

    /** The registrar's record of a party withdrawing the divorce application, if one withdrew (not deemed withdrawn). */
    private Optional<CaseEventRow> withdrawal(ApplicationRow row) {
        List<CaseEventRow> events = caseLog.events(row.applicationNo());
        for (int i = events.size() - 1; i >= 0; i--) {
            if (CaseEventType.WITHDRAWN.name().equals(events.get(i).eventType())) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    private String partyOf(CaseEventRow event) {
        if (event.data() != null && applications.parseAny(event.data()) instanceof Map<?, ?> m
                && m.get("party") instanceof String p && List.of("A", "B").contains(p)) {
            return p;
        }
        return null;
    }

    /** A document's title: the service's own name for it where it has one (离婚登记申请受理回执单), else the kind's. */
    private String titleOf(DocumentKind kind, ApplicationRow row) {
        String own = messages.getMessage("document.kind." + kind + "." + row.serviceCode(), null, null, ZH);
        return own != null ? own : label("kind." + kind);
    }

    private DocumentText correctionNotice(ApplicationRow row) {
        CorrectionNoticeRow notice = applications.correctionNotice(row.applicationNo()).orElseThrow();
        UnaryOperator<String> shown = shownToApplicant(row);
        List<Fact> facts = caseFacts(row);
        facts.add(new Fact(label("noticeAt"), time(notice.requestedAt())));
        decisions.correctionDeadline(row).ifPresent(d -> facts.add(new Fact(label("supplyBy"), time(d))));
        facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
        List<String> items = new ArrayList<>();
        if (applications.parseAny(shown.apply(notice.items())) instanceof List<?> list) {
            int i = 1;
            for (Object item : list) {
                Object description = item instanceof Map<?, ?> m ? m.get("description") : item;
                if (description != null) {
                    items.add(i++ + ". " + description);
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(label("items"), items));
        if (notice.note() != null && !notice.note().isBlank()) {
            sections.add(new Section(label("note"), List.of(shown.apply(notice.note()))));
        }
        sections.add(new Section(null, List.of(message("document.correction.body"))));
        return new DocumentText(label("kind.CORRECTION_NOTICE"), facts, sections);
    }

    private DocumentText refusal(ApplicationRow row) {
        DecisionNotices.Notice n = decisions.of(row, ZH, shownToApplicant(row)).orElseThrow();
        List<Fact> facts = caseFacts(row);
        facts.add(new Fact(label("decision"), n.outcomeText()));
        facts.add(new Fact(label("decidedAt"), time(n.decidedAt())));
        facts.add(new Fact(label("authority"), n.authority()));
        return new DocumentText(n.title(), facts, List.of(new Section(label("reasons"), n.reasons()),
                new Section(label("legalBasis"), n.legalBasis()), new Section(label("remedy"), List.of(n.remedy()))));
    }

    private DocumentText waiver(ApplicationRow row) {
        var w = waivers.of(row.applicationNo()).orElseThrow();
        List<Fact> facts = caseFacts(row);
        facts.add(new Fact(label("decision"), outcome(row.outcome())));
        facts.add(new Fact(label("charged"), yuan(w.chargedAmount())));
        facts.add(new Fact(label("waived"), yuan(w.waivedAmount())));
        if (w.chargedAmount() != null && w.waivedAmount() != null) {
            facts.add(new Fact(label("payable"), yuan(w.chargedAmount().subtract(w.waivedAmount()).max(BigDecimal.ZERO))));
        }
        facts.add(new Fact(label("decidedAt"), time(w.decidedAt() != null ? w.decidedAt() : row.decidedAt())));
        facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
        List<Section> sections = new ArrayList<>();
        List<String> lines = waiverLines(row, w.waiverLines(), w.waivedAmount());
        if (!lines.isEmpty()) {
            sections.add(new Section(label("waiverLines"), lines));
        }
        sections.add(new Section(label("legalBasis"), legalBasis(row)));
        return new DocumentText(label("kind.WAIVER_NOTICE"), facts, sections);
    }

    /**
     * The settlement, item by item (domain brief §4(c) A5): each service with its quantity, its charge, what is waived
     * and what the family pays; the items named as the form that took them names them. When the total cap cuts the
     * sum of the items' waivers, a last line says so.
     */
    private List<String> waiverLines(ApplicationRow row, String stored, BigDecimal total) {
        if (stored == null || !(applications.parseAny(stored) instanceof List<?> list)) {
            return List.of();
        }
        Map<String, String> names = itemNames(row);
        List<String> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int i = 1;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> line)) {
                continue;
            }
            String code = string(line.get("itemCode"));
            BigDecimal charge = decimal(line.get("charge"));
            BigDecimal waived = decimal(line.get("waived"));
            sum = sum.add(waived);
            out.add(message("document.waiverLine", i++, names.getOrDefault(code, message("document.otherItem")),
                    decimal(line.get("quantity")).stripTrailingZeros().toPlainString(), yuan(charge), yuan(waived),
                    yuan(charge.subtract(waived).max(BigDecimal.ZERO))));
        }
        if (total != null && sum.compareTo(total) > 0) {
            out.add(message("document.waiverCapped", yuan(sum), yuan(total)));
        }
        return out;
    }

    /** The service items' names (zh) as the case's application form lists them. */
    private Map<String, String> itemNames(ApplicationRow row) {
        Map<String, String> names = new java.util.HashMap<>();
        if (row.processDefinitionId() == null) {
            return names;
        }
        java.util.ArrayDeque<cn.zs.civil.forms.FormField> fields = new java.util.ArrayDeque<>(
                forms.startForm(row.processDefinitionId()).fields());
        while (!fields.isEmpty()) {
            cn.zs.civil.forms.FormField f = fields.pop();
            if ("itemCode".equals(f.key()) && f.options() != null) {
                f.options().forEach(o -> names.put(o.value(), o.label()));
            }
            if (f.children() != null) {
                fields.addAll(f.children());
            }
        }
        return names;
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    @SuppressWarnings("unchecked")
    private DocumentText certificate(ApplicationRow row) {
        Map<String, Object> d = socialOrg(row);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(label("certificateNo"), (String) d.get("certificateNo")));
        for (Map<String, String> f : (List<Map<String, String>>) d.getOrDefault("certificateFacts", List.of())) {
            facts.add(new Fact(f.get("label"), f.get("value")));
        }
        facts.add(new Fact(label("applicationNo"), row.applicationNo()));
        String title = d.get("certificateName") instanceof String s ? s : label("kind.SOCIALORG_CERTIFICATE");
        return new DocumentText(title, facts, List.of());
    }

    private Optional<DocumentText> placenameAnnouncement(ApplicationRow row) {
        try {
            var a = placenames.announcementOf(row.applicationNo());
            if (a == null || a.body() == null || !a.published()) {
                return Optional.empty();
            }
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact(label("applicationNo"), row.applicationNo()));
            facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
            return Optional.of(new DocumentText(a.title(), facts, List.of(new Section(null, lines(a.body())))));
        } catch (cn.zs.civil.problem.ApiException none) {
            return Optional.empty();
        }
    }

    /**
     * The standard place-name use document (标准地名使用证明, Zhongshan): once the name is approved and entered in the
     * register, the applicant gets a document stating the standard name, its romanisation, category and location, for
     * the doorplates, signs, property and household registers that must use it.
     */
    private DocumentText standardNameUse(ApplicationRow row) {
        PlacenameService.StandardNameUse use = placenames.standardNameUseOf(row.applicationNo()).orElseThrow();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(label("applicationNo"), row.applicationNo()));
        facts.add(new Fact(label("standardName"), use.fullName()));
        facts.add(new Fact(label("romanisation"), use.romanisation()));
        facts.add(new Fact(label("placenameCategory"), use.category()));
        facts.add(new Fact(label("placenameLocation"), use.location()));
        if (use.currentName() != null) {
            facts.add(new Fact(label("formerName"), use.currentName()));
        }
        facts.add(new Fact(label("placenameApplicant"), string(use.applicant())));
        facts.add(new Fact(label("approvedOn"), day(use.approvedOn())));
        facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
        return new DocumentText(label("kind.PLACENAME_USE_CERTIFICATE"), facts, List.of(new Section(null,
                List.of(message(use.currentName() != null ? "document.standardNameUse.body.renamed"
                        : "document.standardNameUse.body", use.fullName(), use.romanisation(), use.currentName())))));
    }

    /** A document drawn up as text by its owner: the first line is its title, the rest its body. */
    private DocumentText textDocument(ApplicationRow row, String text, String fallbackTitle) {
        List<String> lines = lines(text);
        String title = lines.isEmpty() ? fallbackTitle : lines.get(0);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(label("applicationNo"), row.applicationNo()));
        facts.add(new Fact(label("authority"), decisionProperties.authority().in(false)));
        return new DocumentText(title, facts,
                List.of(new Section(null, lines.isEmpty() ? lines : lines.subList(1, lines.size()))));
    }

    /** The e-copy of a registration: the certificate's number, the date, the parties (ID numbers masked), the registry. */
    private DocumentText registration(ApplicationRow row, DocumentKind kind) {
        Map<String, Object> data = applications.formData(row);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(label("certificateNo." + kind), certificates.of(row.applicationNo()).orElseThrow()));
        facts.add(new Fact(label("registeredOn"), day(row.decidedAt() != null ? row.decidedAt() : row.closedAt())));
        for (String party : List.of("A", "B")) {
            facts.add(new Fact(label("party" + party), string(data.get("party" + party + "Name"))));
            facts.add(new Fact(label("party" + party + "Id"),
                    Masking.numbersIn(string(data.get("party" + party + "IdNumber")), Set.of())));
        }
        facts.add(new Fact(label("applicationNo"), row.applicationNo()));
        facts.add(new Fact(label("registry"), message("document.registryName")));
        return new DocumentText(label("kind." + kind), facts, List.of(new Section(null,
                List.of(message("document.copy.body." + kind)))));
    }

    /** The facts every case document opens with: its number, the service, whom it concerns. */
    private List<Fact> caseFacts(ApplicationRow row) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(label("applicationNo"), row.applicationNo()));
        facts.add(new Fact(label("service"), catalogue.find(row.serviceCode()).map(s -> s.name().in(false))
                .orElse(row.serviceCode())));
        if (row.subjectName() != null && !row.subjectName().isBlank()) {
            facts.add(new Fact(label("subject"), row.subjectName()));
        }
        return facts;
    }

    private List<String> legalBasis(ApplicationRow row) {
        return catalogue.find(row.serviceCode()).map(s -> s.legalBasis().stream().map(b -> b.in(false)).toList())
                .orElse(List.of());
    }

    /** The social-organisation documents as the applicant reads them (one owner: {@link SocialOrgService}). */
    private Map<String, Object> socialOrg(ApplicationRow row) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(ZH);
        try {
            return socialOrgs.documents(applicant(row), row.applicationNo());
        } catch (cn.zs.civil.problem.ApiException none) {
            return Map.of();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** Free text as it reaches the applicant (their own numbers shown, other people's masked). */
    private UnaryOperator<String> shownToApplicant(ApplicationRow row) {
        return applications.freeTextShownTo(applicant(row), row, null);
    }

    /** The applicant of the case as a reader: the document is theirs. */
    private static PlatformUser applicant(ApplicationRow row) {
        return new PlatformUser(row.applicantId(), row.applicantId(), Set.of(Roles.APPLICANT), Set.of(), Set.of());
    }

    private String limit(ServiceCatalogue.Limit limit) {
        return message("document.limit." + limit.unit(), limit.days());
    }

    private String outcome(String code) {
        return messages.getMessage("case.outcome." + code, null, "", ZH);
    }

    private String label(String key) {
        return messages.getMessage("document." + key, null, ZH);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"));
    }

    static String day(LocalDateTime t) {
        return t == null ? "" : day(t.toLocalDate());
    }

    static String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }

    private String yuan(BigDecimal amount) {
        return amount == null ? "" : message("document.yuan", amount.setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString());
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
