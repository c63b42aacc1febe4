package cn.zs.civil.placename;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.placename.NameChecker.Finding;
import cn.zs.civil.placename.NameChecker.Proposal;
import cn.zs.civil.problem.ApiException;

/**
 * The place-name register and what the process does with it: the naming-rule check (for a case, or before anyone
 * applies), the announcement drafted from the case data, and the entry of an approved name.
 */
@Service
public class PlacenameService {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PlacenameMapper mapper;
    private final ApplicationService applications;
    private final IdentityProperties identity;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final NameChecker checker;
    private final NameChecker.Register register;

    PlacenameService(PlacenameMapper mapper, ApplicationService applications, IdentityProperties identity,
            MessageSource messages, ObjectMapper json, PlacenameProperties properties) {
        this.mapper = mapper;
        this.applications = applications;
        this.identity = identity;
        this.messages = messages;
        this.json = json;
        this.checker = new NameChecker(properties.genericParts(), Set.copyOf(properties.sectorApprovedCategories()),
                properties.higherAuthorityPrefixes());
        this.register = new NameChecker.Register() {
            @Override
            public List<NameChecker.Entry> activeByName(String fullName) {
                return mapper.activeByName(fullName);
            }

            @Override
            public List<NameChecker.Entry> activeByPinyin(Set<String> readings) {
                return readings.isEmpty() ? List.of() : mapper.activeByPinyin(readings);
            }

            @Override
            public List<NameChecker.Entry> activeBySpecificPart(String specificPart) {
                return mapper.activeBySpecificPart(specificPart);
            }

            @Override
            public List<NameChecker.BannedTerm> bannedTerms() {
                return mapper.bannedTerms();
            }
        };
    }

    /** A finding as a reader sees it: the rule in their language, and whether the rule forbids or only warns. */
    public record FindingView(String code, boolean forbidden, String detail, String text) {
    }

    public record CheckView(String fullName, String pinyin, String romanisation, boolean passed,
            List<FindingView> findings) {
    }

    public record AnnouncementView(String applicationNo, String title, String body, boolean published) {
    }

    /**
     * What the standard place-name use document (标准地名使用证明) states: the approved standard name, its romanisation,
     * category and location, the name it replaces, the applicant, the day of approval.
     */
    public record StandardNameUse(String fullName, String romanisation, String category, String location,
            String currentName, String applicant, LocalDate approvedOn) {
    }

    /** The case's approved standard name once it is in the register; empty before (or when refused). */
    public java.util.Optional<StandardNameUse> standardNameUseOf(String applicationNo) {
        LocalDate approvedOn = mapper.approvedOnOf(applicationNo);
        if (approvedOn == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> data = applications.formData(applicationNo);
        Proposal proposal = proposalOf(data);
        boolean renaming = PlacenameProcess.TYPE_RENAMING.equals(proposal.applicationType());
        return java.util.Optional.of(new StandardNameUse(proposal.fullName(),
                NameChecker.romanise(proposal.specificPart(), proposal.genericPart()), categoryName(proposal.category()),
                districtName((String) data.get(PlacenameProcess.FIELD_DISTRICT))
                        + text(data, PlacenameProcess.FIELD_LOCATION),
                renaming ? proposal.currentName() : null, text(data, PlacenameProcess.FIELD_APPLICANT_ORGANISATION),
                approvedOn));
    }

    /** The check of a proposed name, without a case (an applicant asks before applying). */
    public CheckView check(Proposal proposal, Locale locale) {
        return view(proposal, checker.check(proposal, register), locale);
    }

    /** Checks the name of a case and keeps the findings with it; the engine gets their codes only. */
    @Transactional
    public List<Finding> checkCase(String applicationNo) {
        Proposal proposal = proposalOf(applications.formData(applicationNo));
        List<Finding> findings = checker.check(proposal, register);
        mapper.deleteCheck(applicationNo);
        mapper.insertCheck(applicationNo, proposal.fullName(), NameChecker.pinyin(proposal.fullName()),
                toJson(findings), BusinessTime.now());
        return findings;
    }

    /** The stored check of a case, for those who may read the case. */
    public CheckView checkOf(ApplicationRow row, Locale locale) {
        PlacenameMapper.CheckRow stored = mapper.findCheck(row.applicationNo());
        if (stored == null) {
            throw ApiException.notFound("placename.notChecked", row.applicationNo());
        }
        List<Finding> findings;
        try {
            findings = json.readValue(stored.findings(), new TypeReference<List<Finding>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable findings of " + row.applicationNo(), e);
        }
        return view(proposalOf(applications.formData(row)), findings, locale);
    }

    /**
     * Drafts the announcement (公告) from the case: who approved, under which document, what is named or renamed, where,
     * and its romanisation. A clerk publishes it; it is never typed by hand.
     */
    @Transactional
    public void draftAnnouncement(String applicationNo, String approverName, String documentNo, LocalDate approvedOn) {
        Map<String, Object> data = applications.formData(applicationNo);
        Proposal proposal = proposalOf(data);
        String district = districtName((String) data.get(PlacenameProcess.FIELD_DISTRICT));
        String location = (String) data.get(PlacenameProcess.FIELD_LOCATION);
        boolean renaming = PlacenameProcess.TYPE_RENAMING.equals(proposal.applicationType());
        String name = proposal.fullName();
        String title = "中山市民政局关于“" + name + "”" + (renaming ? "更名" : "命名") + "的公告";
        String what = renaming
                ? "将位于" + district + location + "的“" + proposal.currentName() + "”更名为“" + name + "”"
                : "将位于" + district + location + "的" + categoryName(proposal.category()) + "命名为“" + name + "”";
        String body = "根据《地名管理条例》第十四条，经" + approverName + "批准（" + documentNo + "，"
                + CHINESE_DATE.format(approvedOn) + "），" + what + "，罗马字母拼写为“"
                + NameChecker.romanise(proposal.specificPart(), proposal.genericPart()) + "”。" + "该名称为标准地名，"
                + "各单位和个人应当规范使用。特此公告。\n中山市民政局\n" + CHINESE_DATE.format(BusinessTime.now().toLocalDate());
        if (mapper.findAnnouncement(applicationNo) == null) {
            mapper.insertAnnouncement(applicationNo, title, body, BusinessTime.now());
        }
    }

    public void markPublished(String applicationNo) {
        mapper.markPublished(applicationNo, BusinessTime.now());
    }

    public AnnouncementView announcementOf(String applicationNo) {
        PlacenameMapper.AnnouncementRow row = mapper.findAnnouncement(applicationNo);
        if (row == null) {
            throw ApiException.notFound("placename.noAnnouncement", applicationNo);
        }
        return new AnnouncementView(row.applicationNo(), row.title(), row.body(), row.publishedAt() != null);
    }

    /** The approved name becomes a standard name; a renamed one is retired with its successor noted. Once per case. */
    @Transactional
    public void enterInRegister(String applicationNo, LocalDate approvedOn) {
        if (mapper.countEntriesOf(applicationNo) > 0) {
            return;
        }
        Map<String, Object> data = applications.formData(applicationNo);
        Proposal proposal = proposalOf(data);
        if (PlacenameProcess.TYPE_RENAMING.equals(proposal.applicationType()) && proposal.currentName() != null) {
            mapper.retire(proposal.currentName(), proposal.fullName(), approvedOn);
        }
        mapper.insertEntry(proposal.fullName(), proposal.specificPart(), proposal.genericPart(),
                NameChecker.pinyin(proposal.fullName()), proposal.category(),
                (String) data.get(PlacenameProcess.FIELD_DISTRICT), applicationNo, approvedOn);
    }

    /** Register entries imported without their pinyin get it computed by the same library the check uses. */
    @Transactional
    public int completePinyin() {
        List<PlacenameMapper.PinyinRow> rows = mapper.withoutPinyin();
        rows.forEach(r -> mapper.updatePinyin(r.id(), NameChecker.pinyin(r.fullName())));
        return rows.size();
    }

    static Proposal proposalOf(Map<String, Object> data) {
        return new Proposal(text(data, PlacenameProcess.FIELD_SPECIFIC_PART),
                text(data, PlacenameProcess.FIELD_GENERIC_PART), text(data, PlacenameProcess.VAR_FEATURE_CATEGORY),
                text(data, PlacenameProcess.VAR_APPLICATION_TYPE), text(data, PlacenameProcess.FIELD_CURRENT_NAME));
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString().strip();
    }

    private CheckView view(Proposal proposal, List<Finding> findings, Locale locale) {
        List<FindingView> views = new ArrayList<>();
        for (Finding f : findings) {
            views.add(new FindingView(f.code().name(), f.code().forbidden, f.detail(), messages.getMessage(
                    "placename.finding." + f.code().name(), new Object[] {f.detail() == null ? "" : f.detail()},
                    locale)));
        }
        return new CheckView(proposal.fullName(), NameChecker.pinyin(proposal.fullName()),
                NameChecker.romanise(proposal.specificPart(), proposal.genericPart()), findings.isEmpty(), views);
    }

    private String districtName(String code) {
        IdentityProperties.District district = code == null ? null : identity.districtsByCode().get(code);
        return district == null ? "中山市" : "中山市" + district.name();
    }

    private String categoryName(String category) {
        return messages.getMessage("placename.category." + category, null, "地物", Locale.CHINESE);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
