package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.ProcessKeys;

/**
 * Records the waiver; the database's unique key on the deceased makes it one per person across both paths and all
 * funeral homes. A second one ends the case as "already waived".
 */
@Component("recordWaiverDelegate")
class RecordWaiverDelegate implements JavaDelegate {

    private final ApplicationService applications;
    private final FuneralWaiverMapper waivers;
    private final DeceasedKeys keys;

    RecordWaiverDelegate(ApplicationService applications, FuneralWaiverMapper waivers, DeceasedKeys keys) {
        this.applications = applications;
        this.waivers = waivers;
        this.keys = keys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationNo = execution.getProcessBusinessKey();
        String key = keys.of(applications.formData(applicationNo));
        FuneralWaiverRow earlier = waivers.findByDeceasedKey(key);
        if (earlier != null && !earlier.applicationNo().equals(applicationNo)) {
            execution.setVariable(VAR_REASON_CODE, ERROR_ALREADY_WAIVED);
            throw new BpmnError(ERROR_ALREADY_WAIVED, "A waiver was already granted under " + earlier.applicationNo());
        }
        if (earlier != null) {
            return;
        }
        String path = WAIVER_KEY.equals(ProcessKeys.of(execution)) ? "A" : "B";
        try {
            waivers.insert(new FuneralWaiverRow(applicationNo, key, path,
                    BigDecimal.valueOf((Double) execution.getVariable(VAR_CHARGED_AMOUNT)),
                    BigDecimal.valueOf((Double) execution.getVariable(VAR_WAIVER_AMOUNT)),
                    String.valueOf(execution.getVariable(VAR_SPECIAL_GROUP)),
                    String.valueOf(execution.getVariable(VAR_WAIVER_LINES)),
                    String.valueOf(execution.getVariable(VAR_RULE_VERSIONS)), BusinessTime.now(), null, null));
        } catch (DuplicateKeyException raced) {
            // Another case for the same person committed between the look-up and the insert.
            execution.setVariable(VAR_REASON_CODE, ERROR_ALREADY_WAIVED);
            throw new BpmnError(ERROR_ALREADY_WAIVED, "A waiver was granted concurrently");
        }
    }
}
