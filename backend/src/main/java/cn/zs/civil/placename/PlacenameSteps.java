package cn.zs.civil.placename;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.CaseClockService;

/**
 * Called by the model's listeners ({@code ${placenameSteps.approved(execution)}}): the moments after which the
 * filing and announcement periods run.
 */
@Component("placenameSteps")
public class PlacenameSteps {

    private final CaseClockService clocks;
    private final PlacenameService placenames;

    PlacenameSteps(CaseClockService clocks, PlacenameService placenames) {
        this.clocks = clocks;
        this.placenames = placenames;
    }

    /**
     * Approval: the decision limit is met, so the statutory clock stops here and not at the end of the case; the
     * filing and announcement have their own 15-day periods from this moment.
     */
    public void approved(DelegateExecution execution) {
        clocks.stop(execution.getProcessBusinessKey(), BusinessTime.instant());
        execution.setVariable(PlacenameProcess.VAR_APPROVED_AT, BusinessTime.toDate(BusinessTime.now()));
    }

    public void filed(DelegateExecution execution) {
        execution.setVariable(PlacenameProcess.VAR_FILED_AT, BusinessTime.toDate(BusinessTime.now()));
    }

    public void published(DelegateExecution execution) {
        placenames.markPublished(execution.getProcessBusinessKey());
    }

    static java.time.LocalDate dateOf(Object value) {
        return BusinessTime.of((Date) value).toLocalDate();
    }
}
