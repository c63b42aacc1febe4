package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.ESTABLISHMENT_KEY;
import static cn.zs.civil.socialorg.SocialOrgProcess.PRIVATE_NON_ENTERPRISE;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_ORG_TYPE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.problem.FieldProblem;

/**
 * A private non-enterprise unit in a sector that needs a prior licence (民非条例 Art. 12: education, health,
 * vocational training; the list is configuration) registers only with that licence: its number and the licence
 * itself. The form shows both fields for every sector but "other"; which sectors need them is decided here.
 */
@Component
class PriorLicenceCheck implements SubmissionCheck {

    static final String SECTOR = "serviceSector";
    static final String LICENCE_NO = "priorLicenceNo";
    static final String LICENCE_FILE = "priorLicenceFile";

    private final PriorLicenceProperties properties;
    private final MessageSource messages;

    PriorLicenceCheck(PriorLicenceProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!ESTABLISHMENT_KEY.equals(serviceCode) || !PRIVATE_NON_ENTERPRISE.equals(values.get(VAR_ORG_TYPE))
                || !(values.get(SECTOR) instanceof String sector) || !properties.sectors().contains(sector)) {
            return List.of();
        }
        String sectorName = messages.getMessage("socialorg.priorLicence.sector." + sector, null, sector, locale);
        List<FieldProblem> problems = new ArrayList<>();
        if (!(values.get(LICENCE_NO) instanceof String no) || no.isBlank()) {
            problems.add(problem(locale, LICENCE_NO, "socialorg.priorLicence.number",
                    "socialorg.priorLicence.numberMissing", sectorName));
        }
        Object file = values.get(LICENCE_FILE);
        if (file == null || file instanceof String s && s.isBlank() || file instanceof Collection<?> c && c.isEmpty()) {
            problems.add(problem(locale, LICENCE_FILE, "socialorg.priorLicence.file",
                    "socialorg.priorLicence.fileMissing", sectorName));
        }
        return problems;
    }

    private FieldProblem problem(Locale locale, String field, String labelKey, String code, Object... args) {
        return new FieldProblem(field, messages.getMessage(labelKey, null, locale), code,
                messages.getMessage(code, args, locale));
    }
}
