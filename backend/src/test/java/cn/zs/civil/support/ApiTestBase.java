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

    /** The marriage registrar's steps of a marriage and a divorce, for tests that need one on the way. */
    protected final CaseDriver caseDriver = new CaseDriver(this);

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

    /**
     * A case's issued document of this kind as the reader lists it, once the outbox has delivered the message the
     * deciding transaction wrote (after commit, on the dispatcher's thread): looked for during at most 30 s.
     */
    protected JsonNode issuedDocument(Api reader, String applicationNo, String kind) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonNode list = null;
        while (System.nanoTime() < until) {
            Api.Response r = reader.get("/api/applications/" + applicationNo + "/documents");
            if (r.status() != 200) {
                throw new AssertionError("documents of " + applicationNo + ": " + r);
            }
            list = r.body();
            for (JsonNode d : list) {
                if (kind.equals(d.path("kind").asText())) {
                    return d;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + kind + " of " + applicationNo + " in " + list);
    }

    /** The text of that document's PDF as the reader downloads it. */
    protected String issuedDocumentText(Api reader, String applicationNo, String kind) {
        return Pdfs.textOf(reader.get(issuedDocument(reader, applicationNo, kind).path("downloadUrl").asText()).bytes());
    }

    /**
     * What anyone who scans an issued document's QR code is told about it by the public verification page (Decree 716
     * Arts. 10-11: an electronic certificate is as good as the paper one because it can be checked).
     */
    protected JsonNode publicVerification(Api reader, String applicationNo, String kind) {
        byte[] pdf = reader.get(issuedDocument(reader, applicationNo, kind).path("downloadUrl").asText()).bytes();
        String url = Pdfs.qrOf(pdf);
        return api().anonymous().get("/api/public/documents/" + url.substring(url.lastIndexOf('/') + 1)).body();
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
