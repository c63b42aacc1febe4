package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.policy.PolicyVersions;

/**
 * Computes the waiver at the city's standards: per-item standards and the total cap from the versions of the DMN
 * tables in force when the case was accepted (recorded on the case, see {@code cn.zs.civil.policy}), so a case keeps
 * the rules it was accepted under.
 */
@Component("computeWaiverDelegate")
class ComputeWaiverDelegate implements JavaDelegate {

    private final ApplicationService applications;
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private final FuneralWaiverMapper waivers;
    private final DeceasedKeys keys;
    private final FuneralPriceList prices;

    ComputeWaiverDelegate(ApplicationService applications, DecisionService decisions, RepositoryService repository,
            ObjectMapper json, FuneralWaiverMapper waivers, DeceasedKeys keys, FuneralPriceList prices) {
        this.prices = prices;
        this.waivers = waivers;
        this.keys = keys;
        this.applications = applications;
        this.decisions = decisions;
        this.repository = repository;
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        DecisionDefinition standards = PolicyVersions.forCase(repository, execution, execution.getProcessDefinitionId(),
                DECISION_ITEM_STANDARDS);
        DecisionDefinition cap = PolicyVersions.forCase(repository, execution, execution.getProcessDefinitionId(),
                DECISION_TOTAL_CAP);
        String specialGroup = (String) execution.getVariable(VAR_SPECIAL_GROUP);

        Map<String, Object> data = applications.formData(execution.getProcessBusinessKey());
        List<Map<String, Object>> items = (List<Map<String, Object>>) data.getOrDefault(FIELD_ITEMS, List.of());
        // One waiver per deceased: the reviewer is warned here, before deciding, not only stopped at the approval.
        FuneralWaiverRow earlier = waivers.findByDeceasedKey(keys.of(data));
        boolean earlierCase = earlier != null && !earlier.applicationNo().equals(execution.getProcessBusinessKey());
        execution.setVariable(VAR_ALREADY_WAIVED_IN_CITY, earlierCase);
        execution.setVariable(VAR_EARLIER_WAIVER_NO, earlierCase ? earlier.applicationNo() : null);
        // §4(e)5: invoice lines above the government price list are flagged to the reviewer (the waiver is unchanged).
        List<FuneralPriceList.OverPrice> overPriced = prices.overPriced(items);
        execution.setVariable(VAR_WITHIN_PRICE_LIST, overPriced.isEmpty());
        execution.setVariable(VAR_OVER_PRICED_ITEMS, overPriced.isEmpty() ? null : json.writeValueAsString(overPriced));
        DmnDecisionRuleResult capRow = decisions.evaluateDecisionTableById(cap.getId())
                .variables(Variables.putValue(VAR_SPECIAL_GROUP, specialGroup)).evaluate().getSingleResult();
        // An empty output entry (no cap) is absent from the row, not null in it.
        Object capValue = capRow.getEntryMap().get("totalCap");
        BigDecimal totalCap = capValue == null ? null : number(capValue);
        WaiverCalculator.Result result = WaiverCalculator.compute(items, code -> {
            DmnDecisionRuleResult row = decisions.evaluateDecisionTableById(standards.getId())
                    .variables(Variables.putValue("itemCode", code)).evaluate().getSingleResult();
            return new WaiverCalculator.Standard(number(row.getEntry("unitStandard")), number(row.getEntry("maxUnits")),
                    number(row.getEntry("itemCap")));
        }, totalCap, Boolean.TRUE.equals(capRow.getEntryMap().get("atActualCost")));

        execution.setVariable(VAR_CHARGED_AMOUNT, result.charged().doubleValue());
        execution.setVariable(VAR_WAIVER_AMOUNT, result.waived().doubleValue());
        execution.setVariable(VAR_WAIVER_LINES, json.writeValueAsString(result.lines()));
        execution.setVariable(VAR_RULE_VERSIONS, standards.getId() + "," + cap.getId());
    }

    private static BigDecimal number(Object value) {
        return new BigDecimal(value.toString());
    }
}
