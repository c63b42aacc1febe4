package cn.zs.civil.funeral;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.forms.FormField;
import cn.zs.civil.worklist.FactWording;

/**
 * The invoice lines above the government price list (§4(e)5) in words on the task page: each service as the
 * application form names it, its unit price and the listed price, in the reader's language; the engine keeps the
 * item codes and sums.
 */
@Component
class FuneralFactWording implements FactWording {

    private final MessageSource messages;
    private final FormDefinitions forms;
    private final ObjectMapper json;

    FuneralFactWording(MessageSource messages, FormDefinitions forms, ObjectMapper json) {
        this.messages = messages;
        this.forms = forms;
        this.json = json;
    }

    @Override
    public Map<String, String> word(ApplicationRow row, Map<String, Object> facts, Locale locale) {
        if (!row.serviceCode().startsWith("funeral-")
                || !(facts.get(FuneralProcess.VAR_OVER_PRICED_ITEMS) instanceof String stored)) {
            return Map.of();
        }
        List<FuneralPriceList.OverPrice> lines;
        try {
            lines = json.readValue(stored, new TypeReference<List<FuneralPriceList.OverPrice>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        Map<String, String> names = itemNames(row, "en".equals(locale.getLanguage()));
        List<String> out = new ArrayList<>();
        for (FuneralPriceList.OverPrice line : lines) {
            out.add(messages.getMessage("funeral.overPriced", new Object[] {
                    names.getOrDefault(line.itemCode(), messages.getMessage("funeral.overPriced.otherItem", null, locale)),
                    line.unitPrice().toPlainString(), line.listed().toPlainString()}, locale));
        }
        return Map.of(FuneralProcess.VAR_OVER_PRICED_ITEMS, String.join("\n", out));
    }

    /** The service items' names as the case's application form lists them (zh, or its English words). */
    private Map<String, String> itemNames(ApplicationRow row, boolean english) {
        Map<String, String> names = new HashMap<>();
        if (row.processDefinitionId() == null) {
            return names;
        }
        ArrayDeque<FormField> fields = new ArrayDeque<>(forms.startForm(row.processDefinitionId()).fields());
        while (!fields.isEmpty()) {
            FormField f = fields.pop();
            if ("itemCode".equals(f.key()) && f.options() != null) {
                f.options().forEach(o -> names.put(o.value(), english && f.properties() != null
                        ? f.properties().getOrDefault("en:" + o.value(), o.label()) : o.label()));
            }
            if (f.children() != null) {
                fields.addAll(f.children());
            }
        }
        return names;
    }
}
