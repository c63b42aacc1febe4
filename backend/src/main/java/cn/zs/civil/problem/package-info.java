/**
 * The one problem vocabulary of the platform, on the lowest floor: every module, the clock included, throws
 * {@link cn.zs.civil.problem.ApiException} with a message key of {@code i18n/messages*.properties} and lists its
 * field-by-field findings as {@link cn.zs.civil.problem.FieldProblem}s ({@link cn.zs.civil.problem.FieldProblems}
 * words them in the reader's language). This package depends on no other module; {@code web} turns the exceptions
 * into {@code application/problem+json} responses.
 */
package cn.zs.civil.problem;
