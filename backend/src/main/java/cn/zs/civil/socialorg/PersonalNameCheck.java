package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.ESTABLISHMENT_KEY;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.problem.FieldProblem;

/**
 * A personal name in an organisation's name (社会组织名称管理办法, MCA Order No. 69; domain brief §2(a)): the form asks
 * for the person's written consent, and for a social group how the person is eminent in its field. Here: the name
 * declared must be the one the proposed name uses, so that the consent is about the name being registered.
 */
@Component
class PersonalNameCheck implements SubmissionCheck {

    static final String DECLARED = "personalNameInName";
    static final String PERSONAL_NAME = "personalName";
    static final String PROPOSED_NAME = "proposedName";

    private final MessageSource messages;

    PersonalNameCheck(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!ESTABLISHMENT_KEY.equals(serviceCode) || !Boolean.TRUE.equals(values.get(DECLARED))
                || !(values.get(PERSONAL_NAME) instanceof String person) || person.isBlank()
                || !(values.get(PROPOSED_NAME) instanceof String name) || name.contains(person.strip())) {
            return List.of();
        }
        return List.of(new FieldProblem(PERSONAL_NAME, messages.getMessage("socialorg.personalName.label", null, locale),
                "socialorg.personalName.notInName",
                messages.getMessage("socialorg.personalName.notInName", new Object[] {person.strip(), name}, locale)));
    }
}
