package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.*;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.registry.IdNumberKeys;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.socialorg.credit.SeriousList;

/**
 * Whether the proposed legal representative of an establishment application may hold the post (社团条例 Arts. 12
 * and 13(3), 民非条例 Art. 11; domain brief §2(e)4 and 7): full civil capacity (of age by the ID number's date of
 * birth), not already the legal representative of another organisation of the same kind in this bureau's register
 * (registered by an establishment case here and not cancelled), not on the serious bad-faith list. Each finding is
 * a statutory refusal ground: the reviewer sees the findings, approval is refused while there are any, and a
 * refusal states them.
 */
@Component
public class LeaderEligibility {

    static final String FIELD_LEGAL_REP_ID = "legalRepIdNumber";
    static final String UNDER_AGE = "UNDER_AGE";
    static final String OVER_AGE = "OVER_AGE";
    static final String LEGAL_REP_ELSEWHERE = "LEGAL_REP_ELSEWHERE";
    static final String SERIOUSLY_DISHONEST = "SERIOUSLY_DISHONEST";
    static final String PROMOTER_SERIOUSLY_DISHONEST = "PROMOTER_SERIOUSLY_DISHONEST";

    /**
     * A finding: its code and, for a post held elsewhere, the registered name of that organisation; for a listed
     * promoter, the promoter's position in the application's list (no name: the facts name no person).
     */
    public record Finding(String code, String organisation, Integer promoter) {

        Finding(String code, String organisation) {
            this(code, organisation, null);
        }
    }

    private final SocialOrgMapper register;
    private final ApplicationService applications;
    private final SeriousList seriousList;
    private final LeaderProperties properties;
    private final MessageSource messages;
    private final IdNumberKeys idKeys;

    LeaderEligibility(SocialOrgMapper register, ApplicationService applications, SeriousList seriousList,
            LeaderProperties properties, MessageSource messages, IdNumberKeys idKeys) {
        this.idKeys = idKeys;
        this.register = register;
        this.applications = applications;
        this.seriousList = seriousList;
        this.properties = properties;
        this.messages = messages;
    }

    /** The findings about the proposed legal representative of this establishment application, checked now. */
    public List<Finding> of(String applicationNo) {
        Map<String, Object> data = applications.formData(applicationNo);
        List<Finding> findings = of(applicationNo, (String) data.get(VAR_ORG_TYPE), (String) data.get(FIELD_LEGAL_REP_ID));
        // Promoters on the serious list (domain brief §2(e)7: check promoters and leaders as well).
        List<Map<String, Object>> promoters = PromotersCheck.of(data);
        for (int i = 0; i < promoters.size(); i++) {
            Map<String, Object> p = promoters.get(i);
            if (PromotersCheck.INDIVIDUAL.equals(p.get("promoterKind"))
                    ? seriousList.listsPerson((String) p.get("promoterIdNumber"))
                    : seriousList.listsOrganisation((String) p.get("promoterCreditCode"))) {
                findings.add(new Finding(PROMOTER_SERIOUSLY_DISHONEST, null, i + 1));
            }
        }
        return findings;
    }

    List<Finding> of(String applicationNo, String orgType, String idNumber) {
        List<Finding> findings = new ArrayList<>();
        if (idNumber == null || idNumber.isBlank()) {
            return findings;
        }
        String id = idNumber.strip();
        LocalDate today = BusinessTime.now().toLocalDate();
        try {
            int age = Period.between(IdNumbers.birthDate(id), today).getYears();
            if (age < properties.minimumAge()) {
                findings.add(new Finding(UNDER_AGE, null));
            } else if (properties.maximumAge() > 0 && age > properties.maximumAge()) {
                findings.add(new Finding(OVER_AGE, null));
            }
        } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
            // The form's pattern admits only well-formed numbers; an impossible date is for the reviewer to see.
        }
        if (properties.soleLegalRepresentativeTypes().contains(orgType)) {
            String key = idKeys.of(id);
            for (String type : properties.soleLegalRepresentativeTypes()) {
                List<SocialOrgMapper.RegisteredOrg> posts = new ArrayList<>(register.findByLegalRepKey(type, key));
                for (SocialOrgMapper.RegisteredOrg org : register.findWithoutLegalRepKey(type)) {
                    if (key.equals(keyOf(org))) {
                        posts.add(org);
                    }
                }
                for (SocialOrgMapper.RegisteredOrg org : posts) {
                    if (!"CANCELLED".equals(org.status()) && !"REVOKED".equals(org.status())
                            && !java.util.Objects.equals(org.applicationNo(), applicationNo)) {
                        findings.add(new Finding(LEGAL_REP_ELSEWHERE, org.name()));
                    }
                }
            }
        }
        if (seriousList.listsPerson(id)) {
            findings.add(new Finding(SERIOUSLY_DISHONEST, null));
        }
        return findings;
    }

    /**
     * Keeps the keyed hash of the legal representative's ID number on the register (at registration), so that the
     * sole-post check finds the person's other organisations without opening their applications.
     */
    void recordLegalRepresentative(String applicationNo, String creditCode) {
        Object id = applications.formData(applicationNo).get(FIELD_LEGAL_REP_ID);
        if (id instanceof String number && !number.isBlank()) {
            register.updateLegalRepKey(creditCode, idKeys.of(number.strip()));
        }
    }

    /** The key of a registered organisation's legal representative, from its application, kept from now on. */
    private String keyOf(SocialOrgMapper.RegisteredOrg org) {
        Object id = applications.formData(org.applicationNo()).get(FIELD_LEGAL_REP_ID);
        String key = id instanceof String number && !number.isBlank() ? idKeys.of(number.strip()) : "";
        register.updateLegalRepKey(org.creditCode(), key);
        return key;
    }

    /** The findings as engine facts: their codes, comma-separated ("" when none), and the other organisation. */
    static String codes(List<Finding> findings) {
        return String.join(",", findings.stream().map(Finding::code).distinct().toList());
    }

    static String organisations(List<Finding> findings) {
        List<String> names = findings.stream().map(Finding::organisation).filter(java.util.Objects::nonNull).toList();
        return names.isEmpty() ? null : String.join("、", names);
    }

    /** The positions of listed promoters, comma-separated, or null. */
    static String promoters(List<Finding> findings) {
        List<String> positions = findings.stream().map(Finding::promoter).filter(java.util.Objects::nonNull)
                .map(String::valueOf).toList();
        return positions.isEmpty() ? null : String.join(",", positions);
    }

    /** The findings in words, one a line, in the reader's language; "nothing found" when there are none. */
    public String words(String codes, String organisations, String promoters, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (String code : codes == null ? new String[0] : codes.split(",")) {
            if (!code.isBlank()) {
                lines.add(messages.getMessage("socialorg.leader." + code.strip(), new Object[] {
                        properties.minimumAge(), properties.maximumAge(), organisations == null ? "" : organisations,
                        promoters == null ? "" : promoters.replace(",", "en".equals(locale.getLanguage()) ? ", " : "、")},
                        locale));
            }
        }
        return lines.isEmpty() ? messages.getMessage("socialorg.leader.none", null, locale) : String.join("\n", lines);
    }

    public String words(List<Finding> findings, Locale locale) {
        return words(codes(findings), organisations(findings), promoters(findings), locale);
    }
}
