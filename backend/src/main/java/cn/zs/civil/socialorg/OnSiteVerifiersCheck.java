package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.SocialOrgProcess.TASK_VERIFY_ON_SITE;
import static cn.zs.civil.socialorg.SocialOrgProcess.VAR_SECOND_VERIFIER;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * ALL Art. 34: on-site verification by two or more staff. Whoever completes the task is the first verifier; the
 * second must be someone else and, where the platform knows its staff (embedded accounts), a member of the
 * social-organisation section.
 */
@Component
class OnSiteVerifiersCheck implements TaskCompletionCheck {

    private static final String SECTION_GROUP = "socialorg-review";

    private final IdentityProperties identity;
    private final MessageSource messages;

    OnSiteVerifiersCheck(IdentityProperties identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    /** A member of the section who can be named as the second verifier. */
    record Colleague(String id, String name) {
    }

    /**
     * The section's staff other than the caller, whom the caller can name as the second verifier; empty where the
     * platform does not know its staff (a directory such as Keycloak: the account name is then typed).
     */
    List<Colleague> colleaguesOf(PlatformUser user) {
        return identity.accounts().stream()
                .filter(a -> a.groups().contains(SECTION_GROUP) && !a.username().equals(user.id()))
                .map(a -> new Colleague(a.username(), a.name())).toList();
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (!TASK_VERIFY_ON_SITE.equals(task.getTaskDefinitionKey())) {
            return List.of();
        }
        Object second = values.get(VAR_SECOND_VERIFIER);
        String code = null;
        if (user.id().equals(second)) {
            code = "socialorg.sameVerifier";
        } else if (!identity.accounts().isEmpty() && identity.accounts().stream()
                .noneMatch(a -> a.username().equals(second) && a.groups().contains(SECTION_GROUP))) {
            code = "socialorg.unknownVerifier";
        }
        return code == null ? List.of()
                : List.of(new FieldProblem(VAR_SECOND_VERIFIER, VAR_SECOND_VERIFIER, code,
                        messages.getMessage(code, new Object[] {second}, locale)));
    }
}
