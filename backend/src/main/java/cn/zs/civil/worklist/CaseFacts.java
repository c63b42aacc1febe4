package cn.zs.civil.worklist;

import java.util.Map;

import cn.zs.civil.application.ApplicationRow;

/**
 * Facts of a case that a feature keeps in its own tables rather than as engine variables (a registration's
 * certificate number lives in the certificate's row). Features declare beans of this type; a task's page and its form
 * see them beside the engine's facts, under the names the forms use.
 */
public interface CaseFacts {

    /** Fact name → value for this case (empty when none is the feature's). */
    Map<String, Object> of(ApplicationRow row);
}
