package cn.zs.civil.clock;

/** One entry of a problem's {@code errors} property: which input is wrong and why. */
public record FieldProblem(String field, String message) {
}
