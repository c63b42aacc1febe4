package cn.zs.civil.worklist;

import java.util.Locale;
import java.util.Map;

import cn.zs.civil.application.ApplicationRow;

/**
 * Words for engine facts whose value only a feature can put in plain language (a name check's findings with the
 * names they conflict with). Features declare beans of this type; the task page shows their text instead of the
 * raw value. A fact a wording does not know is left out of its answer.
 */
public interface FactWording {

    /** Fact name → its value in words, in the reader's language, for this case (empty when none is the feature's). */
    Map<String, String> word(ApplicationRow row, Map<String, Object> facts, Locale locale);
}
