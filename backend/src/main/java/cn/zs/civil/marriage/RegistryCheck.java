package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.VAR_REGISTRY_AVAILABLE;
import static cn.zs.civil.marriage.MarriageProcess.VAR_REGISTRY_RETRY_INTERVAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.registry.RegistryUnavailableException;

/**
 * Runs a case's registry checks. A registry that does not answer becomes {@code registryAvailable=false} and a retry
 * interval, so the model waits visibly and asks again; nothing is decided on missing data. The findings (never
 * personal data) go to the engine and to the case's history; the query's snapshot (brief §1(d): when the database
 * answered, and its answer numbers) only to the history, where staff read it.
 */
@Component
class RegistryCheck {

    private static final Logger log = LoggerFactory.getLogger(RegistryCheck.class);
    static final String QUERIED_AT = "registryQueriedAt";
    static final String RESPONSE_ID = "registryResponseId";
    private static final java.time.format.DateTimeFormatter MOMENT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CaseLog caseLog;
    private final String retryInterval;

    RegistryCheck(CaseLog caseLog, @Value("${platform.registry.retry-interval:PT2M}") String retryInterval) {
        this.caseLog = caseLog;
        this.retryInterval = retryInterval;
    }

    /**
     * @param checks the facts, given the list to which each database answer's number is added (null entries: an
     *               answer without one)
     */
    void run(DelegateExecution execution, Function<List<String>, Map<String, Object>> checks) {
        String no = execution.getProcessBusinessKey();
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Object> logged = new LinkedHashMap<>();
        try {
            List<String> responseIds = new ArrayList<>();
            facts.putAll(checks.apply(responseIds));
            facts.put(VAR_REGISTRY_AVAILABLE, true);
            logged.putAll(facts);
            logged.put(QUERIED_AT, BusinessTime.now().format(MOMENT));
            logged.put(RESPONSE_ID, responseIds.stream().map(id -> id == null ? "—" : id)
                    .collect(Collectors.joining(", ")));
        } catch (RegistryUnavailableException e) {
            log.warn("Case {}: {}; retrying in {}", no, e.getMessage(), retryInterval);
            facts.put(VAR_REGISTRY_AVAILABLE, false);
            facts.put(VAR_REGISTRY_RETRY_INTERVAL, retryInterval);
            logged.putAll(facts);
        }
        execution.setVariables(facts);
        caseLog.bySystem(no, CaseEventType.CHECKED, null, null, logged);
    }
}
