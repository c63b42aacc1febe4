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
 * the register with the registered name it conflicts with; the leader-eligibility findings likewise.
 */
@Component
class SocialOrgFactWording implements FactWording {

    private static final List<String> AGAINST_REGISTER = List.of("DUPLICATE", "SIMILAR");

    private final MessageSource messages;
    private final LeaderEligibility leaders;

    SocialOrgFactWording(MessageSource messages, LeaderEligibility leaders) {
        this.messages = messages;
        this.leaders = leaders;
    }

    @Override
    public Map<String, String> word(ApplicationRow row, Map<String, Object> facts, Locale locale) {
        if (row.serviceCode() == null || !row.serviceCode().startsWith("socialorg-")) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>(names(facts, locale));
        if (facts.get(CheckLeaderEligibilityDelegate.VAR_LEADER_FINDINGS) instanceof String codes) {
            Object other = facts.get(CheckLeaderEligibilityDelegate.VAR_LEADER_OTHER_ORGANISATION);
            out.put(CheckLeaderEligibilityDelegate.VAR_LEADER_FINDINGS,
                    leaders.words(codes, other instanceof String name ? name : null,
                            facts.get(CheckLeaderEligibilityDelegate.VAR_LISTED_PROMOTERS) instanceof String p ? p : null,
                            locale));
        }
        return out;
    }

    private Map<String, String> names(Map<String, Object> facts, Locale locale) {
        if (!(facts.get(SocialOrgProcess.VAR_NAME_FINDINGS) instanceof String codes)) {
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
