package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.VAR_REGISTRY_AVAILABLE;
import static cn.zs.civil.marriage.MarriageProcess.VAR_REGISTRY_RETRY_INTERVAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.registry.RegistryUnavailableException;

/**
 * Runs a case's registry checks. A registry that does not answer becomes {@code registryAvailable=false} and a retry
 * interval, so the model waits visibly and asks again; nothing is decided on missing data. The findings (never
 * personal data) go to the engine and to the case's history.
 */
@Component
class RegistryCheck {

    private static final Logger log = LoggerFactory.getLogger(RegistryCheck.class);

    private final CaseLog caseLog;
    private final String retryInterval;

    RegistryCheck(CaseLog caseLog, @Value("${platform.registry.retry-interval:PT2M}") String retryInterval) {
        this.caseLog = caseLog;
        this.retryInterval = retryInterval;
    }

    void run(DelegateExecution execution, Supplier<Map<String, Object>> checks) {
        String no = execution.getProcessBusinessKey();
        Map<String, Object> facts = new LinkedHashMap<>();
        try {
            facts.putAll(checks.get());
            facts.put(VAR_REGISTRY_AVAILABLE, true);
        } catch (RegistryUnavailableException e) {
            log.warn("Case {}: {}; retrying in {}", no, e.getMessage(), retryInterval);
            facts.put(VAR_REGISTRY_AVAILABLE, false);
            facts.put(VAR_REGISTRY_RETRY_INTERVAL, retryInterval);
        }
        execution.setVariables(facts);
        caseLog.bySystem(no, CaseEventType.CHECKED, null, null, facts);
    }
}
