package cn.zs.civil.problem;

/** One field-level finding in a problem response: the field's key, its label and a message in the reader's language. */
public record FieldProblem(String field, String label, String code, String message) {
}
