package cn.zs.civil.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The reporting tables follow a real case through the application's own write path (no backfill): the open task
 * and its queue appear in the worklist's read model when the engine creates it (read here through its port, as the
 * backlog reads it), the claim sets its assignee, completion moves it to rp_task, and the case's end writes rp_case,
 * each in the transaction of the step.
 */
class ReportFactsIT extends ApiTestBase {

    @Test
    void aCaseAndItsTasksReachTheReportingTablesAsTheyHappen() {
        Api applicant = api().as("zhangsan");
        String cremation = applicant.upload("火化证明.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("invoice.png", Fixtures.png()).body().path("id").asText();
        Api.Response submitted = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", Fixtures.jilin(cremation, invoice)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String no = submitted.body().path("applicationNo").asText();
        runJobs(no);

        Api clerk = api().as("clerk-funeral-xl");
        String acceptTask = taskOf(clerk, no);
        // The open task, as the reports read it through the worklist's port.
        assertThat(holders(no)).containsExactly(no + " Task_AcceptApplication - funeral-review");
        assertThat(row("select service_code, district, first_queue from work_item where task_id = ?", acceptTask))
                .isEqualTo("funeral-fee-reimbursement xiaolan 1");

        assertThat(clerk.post("/api/tasks/" + acceptTask + "/claim", null).status()).isEqualTo(204);
        assertThat(holders(no)).containsExactly(no + " Task_AcceptApplication clerk-funeral-xl funeral-review");

        assertThat(clerk.post("/api/tasks/" + acceptTask + "/complete", Map.of("data", Map.of("decision", "accept")))
                .status()).isEqualTo(204);
        assertThat(count("select count(*) from work_item where task_id = ?", acceptTask)).isZero();
        assertThat(row("select application_no, assignee from rp_task where task_id = ?", acceptTask))
                .isEqualTo(no + " clerk-funeral-xl");
        assertThat(count("select count(*) from rp_case where application_no = ?", no)).isZero();

        String reviewTask = taskOf(clerk, no);
        clerk.post("/api/tasks/" + reviewTask + "/claim", null);
        assertThat(clerk.post("/api/tasks/" + reviewTask + "/complete",
                Map.of("data", Map.of("decision", "approve", "invoiceChecked", true))).status()).isEqualTo(204);
        runJobs(no);
        // the case's own end (PAID, or ALREADY_WAIVED when another test paid this deceased first)
        assertThat(row("select status, outcome, district from rp_case where application_no = ?", no))
                .isEqualTo(row("select status, outcome, district from application where application_no = ?", no))
                .startsWith("DECIDED ").endsWith(" xiaolan");
        assertThat(count("select count(*) from rp_task where application_no = ?", no)).isEqualTo(2);
        assertThat(holders(no)).isEmpty();
        // The backfill finds nothing left to do for this case.
        facts.backfill();
        assertThat(count("select count(*) from rp_case where application_no = ?", no)).isEqualTo(1);
        assertThat(count("select count(*) from rp_task where application_no = ?", no)).isEqualTo(2);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private ReportFacts facts;

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zs.civil.worklist.OpenTasks openTasks;

    /** A case's open tasks as "number step assignee queue". */
    private java.util.List<String> holders(String no) {
        return openTasks.holdersOf(java.util.List.of(no)).stream().map(h -> h.applicationNo() + " " + h.taskKey()
                + " " + (h.assignee() == null ? "-" : h.assignee()) + " " + h.queue()).toList();
    }

    /** The columns of one row, space-separated. */
    private String row(String sql, Object... args) {
        return String.join(" ", jdbc.query(sql, (rs, i) -> {
            java.util.List<String> cells = new java.util.ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                cells.add(rs.getString(c));
            }
            return cells;
        }, args).get(0));
    }
}
