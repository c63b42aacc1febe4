package cn.zs.civil.forms;

import java.util.List;
import java.util.Map;

import cn.zs.civil.problem.FieldProblem;

/**
 * The outcome of checking a submission: the cleaned values (hidden fields dropped), the findings, the attachment ids
 * referenced, and the values marked for the engine.
 */
public record ValidatedForm(Map<String, Object> values, List<FieldProblem> problems, List<String> attachmentIds,
        Map<String, Object> engineVariables) {

    public boolean valid() {
        return problems.isEmpty();
    }
}
