package cn.zs.civil.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Integration tests through HTTP against the whole application, one Spring context shared by all of them. The
 * profile comes from the build ({@code it.profiles}: {@code test} on H2, {@code test,mysql} on MariaDB/MySQL).
 * The job executor is off: tests run the engine's asynchronous steps themselves, so every step is deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected RuntimeService runtime;

    protected Api api() {
        return new Api(port);
    }

    /** Runs the due asynchronous steps of one case (registry checks, payment), as the job executor would. */
    protected void runJobs(String applicationNo) {
        for (int round = 0; round < 10; round++) {
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult();
            if (instance == null) {
                return;
            }
            List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    /**
     * A reimbursement as the applicant submits it (two uploads, then the application), with its registry checks run:
     * its application number.
     */
    protected String submitReimbursement(Api applicant, String district, String name, String id,
            String deathCertificate, String cremationCertificate) {
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response r = applicant.post("/api/applications", java.util.Map.of("serviceCode",
                "funeral-fee-reimbursement", "data", Fixtures.reimbursement(district, name, id, deathCertificate,
                        cremationCertificate, file, invoice)));
        if (r.status() != 201) {
            throw new AssertionError("submission refused: " + r);
        }
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    /** The one open task of a case, as the given clerk sees it in the queue. */
    protected String taskOf(Api clerk, String applicationNo) {
        JsonNode queue = clerk.get("/api/tasks?size=100").body();
        for (JsonNode item : queue.path("items")) {
            if (applicationNo.equals(item.path("applicationNo").asText())) {
                return item.path("taskId").asText();
            }
        }
        return null;
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
