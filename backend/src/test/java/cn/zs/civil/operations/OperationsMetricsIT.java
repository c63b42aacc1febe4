package cn.zs.civil.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' figures follow one case through the platform: received, its registry checks waiting for the job
 * executor, its task in the queue and overdue once its due date passes, decided; Prometheus sees the same numbers.
 */
class OperationsMetricsIT extends ApiTestBase {

    private static final String SERVICE = "funeral-fee-reimbursement";
    private static final String QUEUE = "funeral-review";

    @Autowired
    private OperationsMetrics metrics;

    @Autowired
    private MeterRegistry registry;

    private static long received(OperationsMetrics.Snapshot s) {
        return s.services().getOrDefault(SERVICE, new long[2])[0];
    }

    private static long decided(OperationsMetrics.Snapshot s) {
        return s.services().getOrDefault(SERVICE, new long[2])[1];
    }

    private static long queued(OperationsMetrics.Snapshot s) {
        return s.queues().getOrDefault(QUEUE, new long[2])[0];
    }

    private static long overdue(OperationsMetrics.Snapshot s) {
        return s.queues().getOrDefault(QUEUE, new long[2])[1];
    }

    @Test
    void followsOneCaseFromReceiptThroughTheQueueToItsDecision() {
        LocalDateTime now = BusinessTime.now();
        OperationsMetrics.Snapshot before = metrics.refresh(now);

        Api applicant = api().as("lisi");
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        String no = applicant.post("/api/applications", Map.of("serviceCode", SERVICE, "data",
                Fixtures.reimbursement("dongqu", "何丽珍", Fixtures.HE_ID, "SW4420002026032", "HZ440100202600032",
                        file, invoice))).body().path("applicationNo").asText();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
        long checks = management.createJobQuery().processInstanceId(instance).executable().count();
        assertThat(checks).isPositive();

        OperationsMetrics.Snapshot submitted = metrics.refresh(now);
        assertThat(received(submitted)).isEqualTo(received(before) + 1);
        assertThat(decided(submitted)).isEqualTo(decided(before));
        assertThat(submitted.jobsDue()).isEqualTo(before.jobsDue() + checks);
        assertThat(submitted.jobsFailed()).isEqualTo(before.jobsFailed());

        runJobs(no);
        OperationsMetrics.Snapshot waiting = metrics.refresh(now);
        assertThat(waiting.jobsDue()).isEqualTo(before.jobsDue());
        assertThat(queued(waiting)).isEqualTo(queued(before) + 1);
        assertThat(overdue(waiting)).isEqualTo(overdue(before));
        // The acceptance is due within 5 working days: a month later it is overdue.
        assertThat(overdue(metrics.refresh(now.plusDays(31)))).isGreaterThan(overdue(metrics.refresh(now)));
        assertThat(prometheus()).contains("civil_queue_tasks{queue=\"" + QUEUE + "\"} " + queued(waiting) + ".0");

        Api clerk = api().as("clerk-funeral");
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete",
                Map.of("data", Map.of("decision", "accept"))).status()).isEqualTo(204);
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete", Map.of("data",
                Map.of("decision", "reject", "invoiceChecked", true, "reasons", "发票与火化证明不一致"))).status())
                .isEqualTo(204);
        runJobs(no);

        OperationsMetrics.Snapshot ended = metrics.refresh(now);
        assertThat(received(ended)).isEqualTo(received(before) + 1);
        assertThat(decided(ended)).isEqualTo(decided(before) + 1);
        assertThat(queued(ended)).isEqualTo(queued(before));
        assertThat(registry.get("civil.cases.decided").tag("service", SERVICE).functionCounter().count())
                .isEqualTo(decided(ended));
        assertThat(prometheus()).contains(
                "civil_cases_received_total{service=\"" + SERVICE + "\"} " + received(ended) + ".0",
                "civil_cases_decided_total{service=\"" + SERVICE + "\"} " + decided(ended) + ".0",
                "civil_jobs_due " + ended.jobsDue() + ".0",
                "civil_jobs_failed " + ended.jobsFailed() + ".0",
                "civil_incidents_open " + ended.incidents() + ".0");
    }

    private String prometheus() {
        Api.Response scrape = api().as("admin").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.text();
    }
}
