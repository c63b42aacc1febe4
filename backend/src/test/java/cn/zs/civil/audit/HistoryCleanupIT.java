package cn.zs.civil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.application.PermanentHistory;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The engine's history cleanup removes a finished case's history once its definition's time to live has passed; the
 * platform's own audit log and case log stay, and the audit chain still verifies.
 */
class HistoryCleanupIT extends ApiTestBase {

    @Autowired
    private HistoryService history;

    @Autowired
    private ProcessEngineConfigurationImpl engine;

    @Autowired
    private AuditLog audit;

    @Autowired
    private RepositoryService repository;

    @Autowired
    private PermanentHistory permanentHistory;

    @Test
    void cleanupWindowAndBatchComeFromConfiguration() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("00:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        // The engine schedules the nightly job itself once a window is configured.
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void removesAnExpiredCasesHistoryButNotItsAuditEntriesOrCaseLog() {
        Api applicant = api().as("lisi");
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        String no = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data",
                Fixtures.reimbursement("dongqu", "何丽珍", Fixtures.HE_ID, "SW4420002026031", "HZ440100202600031",
                        file, invoice))).body().path("applicationNo").asText();
        runJobs(no);
        assertThat(applicant.post("/api/applications/" + no + "/withdraw", Map.of("reason", "家属另行处理")).status())
                .isEqualTo(204);

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey("funeral-fee-reimbursement").singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        // The funeral models keep their history for 3650 days after the case ended (historyTimeToLive).
        assertThat(ended.getRemovalTime()).isCloseTo(
                Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(3650))), 1000);
        String id = ended.getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).isPositive();
        audit.seal();
        int auditEntries = count("select count(*) from audit_log where target = ?", no);
        int caseEvents = count("select count(*) from case_event where application_no = ?", no);
        assertThat(auditEntries).isPositive();
        assertThat(caseEvents).isPositive();

        // The day before it expires the cleanup leaves it; the day after, it is gone.
        runCleanupAt(Date.from(ended.getRemovalTime().toInstant().minus(Duration.ofDays(1))));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);
        for (int run = 0; run < 20 && history.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0;
                run++) {
            runCleanupAt(Date.from(ended.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isZero();

        assertThat(count("select count(*) from audit_log where target = ?", no)).isEqualTo(auditEntries);
        assertThat(count("select count(*) from case_event where application_no = ?", no)).isEqualTo(caseEvents);
        assertThat(count("select count(*) from application where application_no = ?", no)).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void neverRemovesAMarriageOrDivorceHistoryWhileItRemovesAnotherServicesExpiredOne_R71() {
        // platform.history.permanent: the marriage models' own historyTimeToLive (36500) does not apply.
        for (String key : List.of("marriage-registration", "divorce-registration")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getHistoryTimeToLive()).as(key).isNull();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("funeral-fee-waiver").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(3650);

        String marriage = finished("marriage-registration", "R71-MARRIAGE");
        String divorce = finished("divorce-registration", "R71-DIVORCE");
        // Another service's model (a bare one: the real ones need a case behind them) with the usual 3650 days.
        repository.createDeployment().name("r71-other-service").addModelInstance("r71-other-service.bpmn",
                Bpmn.createExecutableProcess("r71-other-service").camundaHistoryTimeToLive(3650).startEvent()
                        .userTask().endEvent().done()).deploy();
        String other = finished("r71-other-service", "R71-OTHER");
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(other)
                .singleResult();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(marriage).singleResult()
                .getRemovalTime()).isNull();

        // A thousand years later, the other case's history is gone and the marriage and divorce cases' stay.
        Date later = Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(365_000)));
        for (int run = 0; run < 20 && history.createHistoricProcessInstanceQuery().processInstanceId(other).count() > 0;
                run++) {
            runCleanupAt(later);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(other).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(marriage, divorce)).count())
                .isEqualTo(2);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(marriage).count()).isPositive();
    }

    @Test
    void aMarriageVersionDeployedBeforeTheSettingLosesItsTimeToLiveAndItsCasesTheirRemovalTime_R71() {
        String id = repository.createProcessDefinitionQuery().processDefinitionKey("marriage-registration")
                .latestVersion().singleResult().getId();
        // As deployed before the setting existed: the model's 36500 days, and a case ended under them.
        repository.updateProcessDefinitionHistoryTimeToLive(id, 36500);
        String marriage = finished("marriage-registration", "R71-OLD-MARRIAGE");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(marriage).singleResult()
                .getRemovalTime()).isNotNull();

        permanentHistory.postProcessEngineBuild(engine.getProcessEngine());
        for (int round = 0; round < 5; round++) {
            for (Batch batch : management.createBatchQuery().list()) {
                for (Job job : management.createJobQuery().list()) {
                    if (batch.getSeedJobDefinitionId().equals(job.getJobDefinitionId())
                            || batch.getBatchJobDefinitionId().equals(job.getJobDefinitionId())) {
                        management.executeJob(job.getId());
                    }
                }
            }
        }
        assertThat(repository.getProcessDefinition(id).getHistoryTimeToLive()).isNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(marriage).singleResult()
                .getRemovalTime()).isNull();
    }

    /** Starts a case of a process and ends it at once (as a withdrawal would); its history instance id. */
    private String finished(String processKey, String businessKey) {
        String id = runtime.startProcessInstanceByKey(processKey, businessKey + "-" + System.nanoTime()).getId();
        runtime.deleteProcessInstance(id, "R71 test");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime())
                .isNotNull();
        return id;
    }

    /** Runs the engine's cleanup job now, as the job executor would in the window, with the engine clock at a time. */
    private void runCleanupAt(Date now) {
        ClockUtil.setCurrentTime(now);
        try {
            Job job = history.cleanUpHistoryAsync(true);
            management.executeJob(job.getId());
        } finally {
            ClockUtil.reset();
        }
    }
}
