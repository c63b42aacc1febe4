package cn.zs.civil.placename;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.worklist.FactWording;

/**
 * The naming-rule findings in words on the task page, as the case's name check words them (each with the standard
 * name, person or word it concerns), instead of the codes the engine keeps.
 */
@Component
class PlacenameFactWording implements FactWording {

    private final PlacenameService placenames;
    private final MessageSource messages;

    PlacenameFactWording(PlacenameService placenames, MessageSource messages) {
        this.placenames = placenames;
        this.messages = messages;
    }

    @Override
    public Map<String, String> word(ApplicationRow row, Map<String, Object> facts, Locale locale) {
        if (!"placename-approval".equals(row.serviceCode()) || !facts.containsKey(PlacenameProcess.VAR_NAME_FINDINGS)) {
            return Map.of();
        }
        PlacenameService.CheckView check;
        try {
            check = placenames.checkOf(row, locale);
        } catch (cn.zs.civil.problem.ApiException notChecked) {
            return Map.of();
        }
        String text = check.findings().stream().map(PlacenameService.FindingView::text)
                .collect(Collectors.joining("\n"));
        return Map.of(PlacenameProcess.VAR_NAME_FINDINGS,
                text.isEmpty() ? messages.getMessage("placename.finding.none", null, locale) : text);
    }
}
