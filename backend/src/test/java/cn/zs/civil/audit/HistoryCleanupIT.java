package cn.zs.civil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
