package cn.zs.civil.application;

/**
 * A case reached a step that the applicant is given a written document for: its acceptance (受理回执) or a correction
 * notice (一次性补正告知). Published synchronously by {@link CaseStatus} inside the engine's transaction, like
 * {@link CaseEnded}, so what a listener writes commits or rolls back with the step itself.
 */
public record CaseStepReached(String applicationNo, String serviceCode, Step step) {

    public enum Step {
        ACCEPTED, CORRECTIONS_REQUESTED
    }
}
