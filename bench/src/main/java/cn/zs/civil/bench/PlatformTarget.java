package cn.zs.civil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform over its HTTP API. Submissions carry an Idempotency-Key; clerks use "next case", read the task with
 * its case and complete it with the task's form, or return the case with the correction notice, whereupon the
 * applicant reads it and supplies the correction (at once: the waiting is not what is measured); the read mix is a clerk's queue, the case as its submitter sees
 * it, public tracking and a manager's report. Ended cases are counted in the platform's own table (an outcome set).
 */
final class PlatformTarget implements Target {

    private final Scenario scenario;
    private final Client client;
    private final DataSource db;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    PlatformTarget(Scenario scenario, Client client, DataSource db) {
        this.scenario = scenario;
        this.client = client;
        this.db = db;
    }

    @Override
    public Submitted submit(long n, long intendedStart) {
        Map<String, Object> data = scenario.application(n, client);
        Client.Reply r = client.postJson("POST /api/applications", scenario.submitter(), "/api/applications",
                Map.of("serviceCode", scenario.serviceCode(), "data", data), "bench-" + run + "-" + n, intendedStart);
        return r.status() == 201 ? new Submitted(r.body().path("applicationNo").asText(),
                r.body().path("queryCode").asText()) : null;
    }

    @Override
    public boolean work(String clerk) {
        Client.Reply next = client.postJson("POST /api/tasks/next", clerk, "/api/tasks/next", null, null);
        if (next.status() != 200) {
            return false;
        }
        String taskId = next.body().path("taskId").asText();
        String taskKey = next.body().path("taskKey").asText();
        String applicationNo = next.body().path("applicationNo").asText();
        Client.Reply detail = client.get("GET /api/tasks/{id}", clerk, "/api/tasks/" + taskId);
        if (!detail.ok()) {
            return true;
        }
        if (scenario.returnsForCorrections(taskKey, applicationNo)) {
            if (!detail.body().path("correctionsAllowed").asBoolean()) {
                throw new IllegalStateException(taskKey + " of " + applicationNo + " does not allow corrections");
            }
            Client.Reply notice = client.postJson("POST /api/tasks/{id}/corrections", clerk,
                    "/api/tasks/" + taskId + "/corrections", scenario.correctionNotice(), null);
            if (notice.ok()) {
                supplyCorrections(applicationNo);
            }
            return true;
        }
        client.postJson("POST /api/tasks/{id}/complete", clerk, "/api/tasks/" + taskId + "/complete",
                Map.of("data", scenario.taskForm(taskKey, clerk)), null);
        return true;
    }

    /** The applicant reads the notice on the case, uploads what it asks for and supplies the correction. */
    private void supplyCorrections(String applicationNo) {
        Client.Reply mine = client.get("GET /api/applications/{no}", scenario.submitter(),
                "/api/applications/" + applicationNo);
        if (mine.ok() && mine.body().path("correctionNotice").path("items").isEmpty()) {
            throw new IllegalStateException(applicationNo + ": the applicant sees no correction notice");
        }
        client.postJson("POST /api/applications/{no}/corrections", scenario.submitter(),
                "/api/applications/" + applicationNo + "/corrections", Map.of("data", scenario.correction(client)),
                null);
    }

    @Override
    public void read(long i, Submitted recent) {
        switch ((int) (i % 4)) {
            case 0 -> client.get("GET /api/tasks (queue)", queueReader(), "/api/tasks?size=20");
            case 1 -> client.get("GET /api/applications/{no}", scenario.submitter(),
                    "/api/applications/" + recent.applicationNo());
            case 2 -> {
                Client.Reply r = client.postJson("POST /api/public/track", null, "/api/public/track",
                        Map.of("applicationNo", recent.applicationNo(), "queryCode", recent.queryCode()), null);
                JsonNode status = r.body().path("status");
                if (r.ok() && status.isMissingNode()) {
                    throw new IllegalStateException("tracking answered without a status: " + r.body());
                }
            }
            default -> {
                LocalDate today = LocalDate.now();
                client.get("GET /api/reports/throughput", "manager", "/api/reports/throughput?from="
                        + today.minusDays(30) + "&to=" + today + "&period=day&service=" + scenario.serviceCode());
            }
        }
    }

    private String queueReader() {
        return scenario.hasClerkSteps() ? scenario.clerk(0) : "chief";
    }

    private long completed;
    private long completedAt;

    /** Read at most five times a second, however many threads ask. */
    @Override
    public synchronized long completed() {
        if (System.nanoTime() - completedAt > 200_000_000L) {
            completed = count("select count(*) from application where service_code = ? and outcome is not null");
            completedAt = System.nanoTime();
        }
        return completed;
    }

    @Override
    public long submitted() {
        return count("select count(*) from application where service_code = ?");
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, scenario.serviceCode());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
