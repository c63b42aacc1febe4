package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.ESTABLISHMENT_KEY;
import static cn.zs.civil.socialorg.SocialOrgProcess.SOCIAL_GROUP;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_ORG_TYPE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.registry.CreditCodes;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.problem.FieldProblem;

/**
 * A social group's promoters (domain brief §2(b) [S], Qingyuan guide): at least {@code minimum-promoters} of them
 * (8), each a person with a valid ID number or a unit with a valid credit code, none twice, and no state organ
 * (GB 32100: registration authority 1 "机构编制", type 1 "机关"). The form checks only each row's shape.
 */
@Component
class PromotersCheck implements SubmissionCheck {

    static final String FIELD = "promoters";
    static final String INDIVIDUAL = "INDIVIDUAL";
    static final String UNIT = "UNIT";

    private final LeaderProperties properties;
    private final MessageSource messages;

    PromotersCheck(LeaderProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    /** The promoters of an application's form data (an empty list when there are none). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(Map<String, Object> values) {
        return values.get(FIELD) instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!ESTABLISHMENT_KEY.equals(serviceCode) || !SOCIAL_GROUP.equals(values.get(VAR_ORG_TYPE))) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Map<String, Object>> promoters = of(values);
        if (promoters.size() < properties.minimumPromoters()) {
            problems.add(problem(locale, FIELD, "socialorg.promoters.label", "socialorg.promoters.tooFew",
                    properties.minimumPromoters(), promoters.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < promoters.size(); i++) {
            Map<String, Object> p = promoters.get(i);
            String path = FIELD + "[" + i + "].";
            if (INDIVIDUAL.equals(p.get("promoterKind")) && p.get("promoterIdNumber") instanceof String id) {
                if (!IdNumbers.valid(id)) {
                    problems.add(problem(locale, path + "promoterIdNumber", "socialorg.promoters.idNumber",
                            "socialorg.promoters.badIdNumber", i + 1));
                } else if (!seen.add(id.toUpperCase(Locale.ROOT))) {
                    problems.add(problem(locale, path + "promoterIdNumber", "socialorg.promoters.idNumber",
                            "socialorg.promoters.twice", i + 1));
                }
            } else if (UNIT.equals(p.get("promoterKind")) && p.get("promoterCreditCode") instanceof String code) {
                if (!CreditCodes.valid(code)) {
                    problems.add(problem(locale, path + "promoterCreditCode", "socialorg.promoters.creditCode",
                            "socialorg.promoters.badCreditCode", i + 1));
                } else if (code.startsWith("11")) {
                    problems.add(problem(locale, path + "promoterCreditCode", "socialorg.promoters.creditCode",
                            "socialorg.promoters.stateOrgan", i + 1, p.get("promoterName")));
                } else if (!seen.add(code)) {
                    problems.add(problem(locale, path + "promoterCreditCode", "socialorg.promoters.creditCode",
                            "socialorg.promoters.twice", i + 1));
                }
            }
        }
        return problems;
    }

    private FieldProblem problem(Locale locale, String field, String labelKey, String code, Object... args) {
        return new FieldProblem(field, messages.getMessage(labelKey, null, locale), code,
                messages.getMessage(code, args, locale));
    }
}
