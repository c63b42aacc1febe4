package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessSteps.mapVariable;
import static cn.zs.civil.support.ProcessSteps.variable;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.support.ProcessTestKit;

/** Path A: the clerk registers the deceased at the funeral home and the fees are waived at settlement. */
@Deployment(resources = {
        "processes/funeral/funeral-fee-waiver.bpmn",
        "processes/funeral/funeral-eligibility.dmn",
        "processes/funeral/funeral-item-standards.dmn",
        "processes/funeral/funeral-total-cap.dmn",
        "forms/funeral/funeral-waiver-register.form",
        "forms/funeral/funeral-waiver-verify.form" })
class FuneralFeeWaiverProcessTest {

    private static final String CASE_NO = "ZS-FW-2026-000123";
    private static final int STATUTORY_LIMIT_DAYS = 20;
    private static final Date RECEIVED_AT = at("2026-05-06T09:30:00+08:00");

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("funeral-fee-waiver-test").startingAt(RECEIVED_AT);

    private final Map<String, Object> registryFindings = new HashMap<>();
    private final List<String> recordedWaivers = new ArrayList<>();
    private boolean waivedBefore;

    @BeforeEach
    void registerFakes() {
        registryFindings.putAll(residentWhoseRecordsAllMatch());
        Mocks.register("checkFuneralRegistriesDelegate", (JavaDelegate) execution -> execution.setVariables(registryFindings));
        Mocks.register("computeWaiverDelegate", (JavaDelegate) execution -> {
            execution.setVariable(VAR_CHARGED_AMOUNT, 1200.0);
            execution.setVariable(VAR_WAIVER_AMOUNT, 970.0);
            execution.setVariable(VAR_WAIVER_LINES, "[]");
            execution.setVariable(VAR_RULE_VERSIONS, "funeral-item-standards:1,funeral-total-cap:1");
        });
        Mocks.register("recordWaiverDelegate", (JavaDelegate) execution -> {
            if (waivedBefore) {
                execution.setVariable(VAR_REASON_CODE, ERROR_ALREADY_WAIVED);
                throw new BpmnError(ERROR_ALREADY_WAIVED, "A waiver was already granted under ZS-FW-2025-000007");
            }
            recordedWaivers.add(execution.getProcessBusinessKey());
        });
    }

    @Test
    void waivesFeesAtSettlementWhenTheRegistriesConfirmAnEligibleResident() {
        ProcessInstance instance = register();

        assertThat(instance).isWaitingAt("Task_CheckRegistries");
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Task_DecideEligibility", "Task_ComputeWaiver", "EndEvent_Waived")
                .hasNotPassed("Task_VerifyDocuments");
        assertThat(recordedWaivers).containsExactly(CASE_NO);
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED WAIVED");
        assertThat(mapVariable(instance, VAR_ELIGIBILITY)).containsEntry("eligible", true).containsEntry("reasonCode", "HUKOU_RESIDENT");
    }

    @Test
    void waivesFeesOfANonResidentWhoDiedAndIsCrematedInTheCity() {
        registryFindings.put(VAR_HUKOU_LOCAL, false);
        registryFindings.put(VAR_DIED_LOCALLY, true);
        ProcessInstance instance = register();

        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Waived");
        assertThat(mapVariable(instance, VAR_ELIGIBILITY)).containsEntry("reasonCode", "DIED_AND_CREMATED_LOCALLY");
    }

    @Test
    void refusesTheWaiverWhenTheDeceasedIsNeitherResidentNorSpecialGroupNorDiedInTheCity() {
        registryFindings.put(VAR_HUKOU_LOCAL, false);
        registryFindings.put(VAR_DIED_LOCALLY, false);
        ProcessInstance instance = register();

        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Task_ComputeWaiver");
        assertThat(recordedWaivers).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED NOT_ELIGIBLE");
        assertThat(mapVariable(instance, VAR_ELIGIBILITY)).containsEntry("eligible", false).containsEntry("reasonCode", "NOT_COVERED");
    }

    @Test
    void asksTheClerkToVerifyPaperDocumentsWhenARegistryCheckFailsAndWaivesWhenConfirmed() {
        registryFindings.put(VAR_DEATH_VERIFIED, false);
        registryFindings.put(VAR_CHECKS_PASSED, false);
        ProcessInstance instance = register();

        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_VerifyDocuments");
        assertThat(task(instance)).hasCandidateGroup("funeral-home")
                .hasDueDate(daysAfter(RECEIVED_AT, STATUTORY_LIMIT_DAYS));
        assertThat(deployedFormId(task(instance))).isEqualTo("funeral-waiver-verify");
        complete(task(instance), withVariables("paperChecked", true, "decision", "confirm"));

        assertThat(instance).isEnded().hasPassed("Task_VerifyDocuments", "Task_DecideEligibility", "EndEvent_Waived");
        assertThat(recordedWaivers).containsExactly(CASE_NO);
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED WAIVED");
    }

    @Test
    void refusesTheWaiverWhenTheClerkFindsThePaperDocumentsUntrue() {
        registryFindings.put(VAR_IDENTITY_VERIFIED, false);
        registryFindings.put(VAR_CHECKS_PASSED, false);
        ProcessInstance instance = register();
        execute(job(instance));

        complete(task(instance), withVariables("paperChecked", true, "decision", "reject"));

        assertThat(instance).isEnded().hasPassed("EndEvent_DocumentsRejected").hasNotPassed("Task_DecideEligibility");
        assertThat(recordedWaivers).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED DOCUMENTS_REJECTED");
    }

    @Test
    void refusesASecondWaiverForTheSameDeceased() {
        waivedBefore = true;
        ProcessInstance instance = register();

        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("BoundaryEvent_AlreadyWaived", "EndEvent_AlreadyWaived")
                .hasNotPassed("EndEvent_Waived");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED ALREADY_WAIVED");
        assertThat(variable(instance, VAR_REASON_CODE)).isEqualTo(ERROR_ALREADY_WAIVED);
    }

    @Test
    void computesTheWaiverFromTheDecisionTablesDeployedWithTheCase() {
        // The real delegate, fed with the registered items: standards and cap come from this deployment's tables.
        ApplicationService applications = mock(ApplicationService.class);
        when(applications.formData(CASE_NO)).thenReturn(Map.of(FIELD_ITEMS, List.of(
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 300),
                Map.of("itemCode", "STORAGE", "quantity", 5, "charge", 500),
                Map.of("itemCode", "EMBALMING", "quantity", 1, "charge", 200))));
        Mocks.register("computeWaiverDelegate", new ComputeWaiverDelegate(applications,
                KIT.processEngine().getDecisionService(), KIT.processEngine().getRepositoryService(), new ObjectMapper(),
                mock(FuneralWaiverMapper.class), mock(DeceasedKeys.class), new FuneralPriceList(Map.of())));
        ProcessInstance instance = register();

        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Waived");
        // Cremation 250 of 300; storage 3 days x 80 of 500; embalming is not a basic service.
        assertThat(variable(instance, VAR_CHARGED_AMOUNT)).isEqualTo(1000.0);
        assertThat(variable(instance, VAR_WAIVER_AMOUNT)).isEqualTo(490.0);
        assertThat((String) variable(instance, VAR_RULE_VERSIONS))
                .startsWith(DECISION_ITEM_STANDARDS + ":").contains("," + DECISION_TOTAL_CAP + ":");
    }

    private static String deployedFormId(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessInstance register() {
        return runtimeService().startProcessInstanceByKey(WAIVER_KEY, CASE_NO, Map.of(
                "applicationNo", CASE_NO,
                "receivedAt", RECEIVED_AT,
                "statutoryLimitDays", STATUTORY_LIMIT_DAYS));
    }

    private static Map<String, Object> residentWhoseRecordsAllMatch() {
        return Map.of(
                VAR_IDENTITY_VERIFIED, true,
                VAR_DEATH_VERIFIED, true,
                VAR_HUKOU_LOCAL, true,
                VAR_DIED_LOCALLY, true,
                VAR_SPECIAL_GROUP, "NONE",
                VAR_CREMATED_LOCALLY, true,
                VAR_CHECKS_PASSED, true);
    }
}
