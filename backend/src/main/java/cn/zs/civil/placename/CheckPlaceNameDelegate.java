package cn.zs.civil.placename;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The automated naming-rule check, before any person reviews the name (and again after corrections). The engine
 * gets the codes of the findings only; on the first run the case also gets its periods from the configuration.
 */
@Component("checkPlaceNameDelegate")
class CheckPlaceNameDelegate implements JavaDelegate {

    private final PlacenameService placenames;
    private final PlacenameProperties properties;

    CheckPlaceNameDelegate(PlacenameService placenames, PlacenameProperties properties) {
        this.placenames = placenames;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<NameChecker.Finding> findings = placenames.checkCase(execution.getProcessBusinessKey());
        execution.setVariable(PlacenameProcess.VAR_NAME_CHECK_PASSED, findings.isEmpty());
        execution.setVariable(PlacenameProcess.VAR_NAME_FINDINGS,
                findings.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(",")));
        if (!execution.hasVariable(PlacenameProcess.VAR_CONSULTATION_PERIOD)) {
            execution.setVariable(PlacenameProcess.VAR_CONSULTATION_PERIOD,
                    "P" + properties.consultationPeriodDays() + "D");
            execution.setVariable(PlacenameProcess.VAR_FILING_LIMIT_DAYS, properties.filingLimitDays());
            execution.setVariable(PlacenameProcess.VAR_ANNOUNCEMENT_LIMIT_DAYS, properties.announcementLimitDays());
            execution.setVariable(PlacenameProcess.VAR_REMINDER_DAYS_BEFORE, properties.reminderDaysBefore());
        }
    }
}
