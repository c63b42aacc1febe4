package cn.zs.civil.placename;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Who is competent (地名管理条例 Art. 12(4)(7); 中山市地名管理办法): the names of urban parks, protected areas and
 * important facilities are approved by their sector departments, and a name with a national or provincial prefix
 * (中国, 全国, 广东 ...) by a higher authority. The bureau is not competent for either: the application is refused field
 * by field, saying who approves (the name check says the same before anyone applies). A name after a historical
 * figure is only flagged (the city applies, the province approves): {@link NameChecker.Code#HISTORICAL_FIGURE}.
 */
@Component
class CompetentAuthorityCheck implements SubmissionCheck {

    private final PlacenameProperties properties;
    private final MessageSource messages;

    CompetentAuthorityCheck(PlacenameProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!PlacenameProcess.KEY.equals(serviceCode)) {
            return List.of();
        }
        List<FieldProblem> out = new ArrayList<>();
        if (values.get(PlacenameProcess.VAR_FEATURE_CATEGORY) instanceof String category
                && properties.sectorApprovedCategories().contains(category)) {
            out.add(FieldProblems.of(messages, locale, PlacenameProcess.VAR_FEATURE_CATEGORY,
                    "placename.label.featureCategory", "placename.finding.NOT_COMPETENT_CATEGORY", ""));
        }
        if (values.get(PlacenameProcess.FIELD_SPECIFIC_PART) instanceof String specific) {
            properties.higherAuthorityPrefixes().stream().filter(p -> specific.strip().startsWith(p)).findFirst()
                    .ifPresent(p -> out.add(FieldProblems.of(messages, locale, PlacenameProcess.FIELD_SPECIFIC_PART,
                            "placename.label.specificPart", "placename.finding.HIGHER_AUTHORITY_PREFIX", p)));
        }
        return out;
    }
}
