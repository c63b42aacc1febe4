package cn.zs.civil.socialorg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.worklist.FactWording;

/**
 * The name check's findings in words on the task page: each finding as the pre-check words it, the finding against
 * the register with the registered name it conflicts with.
 */
@Component
class SocialOrgFactWording implements FactWording {

    private static final List<String> AGAINST_REGISTER = List.of("DUPLICATE", "SIMILAR");

    private final MessageSource messages;

    SocialOrgFactWording(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, String> word(ApplicationRow row, Map<String, Object> facts, Locale locale) {
        if (row.serviceCode() == null || !row.serviceCode().startsWith("socialorg-")
                || !(facts.get(SocialOrgProcess.VAR_NAME_FINDINGS) instanceof String codes)) {
            return Map.of();
        }
        Object similarTo = facts.get(SocialOrgProcess.VAR_NAME_SIMILAR_TO);
        List<String> lines = new ArrayList<>();
        for (String code : codes.split(",")) {
            String c = code.strip();
            if (c.isEmpty()) {
                continue;
            }
            String text = messages.getMessage("socialorg.name." + c, null, c, locale);
            if (AGAINST_REGISTER.contains(c) && similarTo instanceof String name && !name.isBlank()) {
                text = messages.getMessage("socialorg.name.conflictsWith", new Object[] {text, name}, locale);
            }
            lines.add(text);
        }
        return lines.isEmpty() ? Map.of(SocialOrgProcess.VAR_NAME_FINDINGS,
                messages.getMessage("socialorg.name.none", null, locale))
                : Map.of(SocialOrgProcess.VAR_NAME_FINDINGS, String.join("\n", lines));
    }
}
