package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * Object-level authorization: the role may call the endpoint, but not on this case. An applicant cannot reach
 * another applicant's case by any door; a clerk cannot reach a case outside their queues or districts, and every
 * such attempt leaves the case as it was and is recorded as a refusal in the audit log.
 */
class ObjectAccessIT extends ApiTestBase {

    private String funeralCase(String applicant, String district) {
        Api owner = api().as(applicant);
        String file = owner.upload("a.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = owner.upload("b.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response r = owner.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data",
                Fixtures.reimbursement(district, "何丽珍", Fixtures.HE_ID, "SW4420002026777", "HZ442000202600777", file,
                        invoice)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    private int denials(String actor, String target) {
        return count("select count(*) from audit_log where action = 'ACCESS_DENIED' and actor_id = ? and target = ?",
                actor, target);
    }

    @Test
    void anApplicantReachesAnotherApplicantsCaseByNoDoor() {
        String no = funeralCase("zhangsan", "dongqu");
        String file = jdbc.queryForObject("select id from attachment where application_no = ? order by id limit 1",
                String.class, no);
        Api other = api().as("lisi");
        List<String> attempts = new ArrayList<>();
        Map<String, Api.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("read", other.get("/api/applications/" + no));
        answers.put("diagram", other.get("/api/cases/" + no + "/diagram"));
        answers.put("attachment", other.get("/api/attachments/" + file));
        answers.put("correct", other.post("/api/applications/" + no + "/corrections", Map.of("data",
                Map.of("phone", "13900000000"))));
        answers.put("withdraw", other.post("/api/applications/" + no + "/withdraw", Map.of("reason", "not mine")));
        answers.put("track with a wrong code", api().anonymous().post("/api/public/track",
                Map.of("applicationNo", no, "queryCode", "AAAAAAAA")));
        answers.forEach((what, r) -> {
            attempts.add(what);
            assertThat(r.status()).as(what + " → " + r).isEqualTo(404);
            assertThat(r.text()).as(what).doesNotContain(Fixtures.HE_ID, "何丽珍", "zhangsan");
        });
        assertThat(other.get("/api/applications/mine?size=100").text()).doesNotContain(no);
        // Nothing changed, and the refusals are on record.
        assertThat(jdbc.queryForObject("select status from application where application_no = ?", String.class, no))
                .isNotEqualTo("WITHDRAWN");
        assertThat(count("select count(*) from case_event where application_no = ? and actor_id = 'lisi'", no)).isZero();
        assertThat(denials("lisi", no)).isGreaterThanOrEqualTo(3);
        // The owner still can.
        assertThat(api().as("zhangsan").get("/api/applications/" + no).status()).isEqualTo(200);
        System.out.printf("[object-access] applicant on another's case: %d doors tried, all 404, %d refusals audited%n",
                attempts.size(), denials("lisi", no));
    }

    @Test
    void aClerkCannotActOutsideTheirQueuesOrDistricts() {
        String no = funeralCase("zhangsan", "shiqi");
        Api own = api().as("clerk-funeral");
        String task = taskOf(own, no);
        assertThat(task).isNotNull();
        // clerk-funeral-xl: the right queue, another district; clerk-marriage: every district, another queue.
        int tried = 0;
        for (String outsider : List.of("clerk-funeral-xl", "clerk-marriage")) {
            Api clerk = api().as(outsider);
            assertThat(taskOf(clerk, no)).as(outsider + " queue").isNull();
            Map<String, Api.Response> answers = new java.util.LinkedHashMap<>();
            answers.put("read case", clerk.get("/api/applications/" + no));
            answers.put("read task", clerk.get("/api/tasks/" + task));
            answers.put("claim", clerk.post("/api/tasks/" + task + "/claim", null));
            answers.put("unclaim", clerk.post("/api/tasks/" + task + "/unclaim", null));
            answers.put("complete", clerk.post("/api/tasks/" + task + "/complete", Map.of("data",
                    Map.of("decision", "accept"))));
            answers.put("return", clerk.post("/api/tasks/" + task + "/corrections", Map.of("items",
                    List.of(Map.of("description", "x")))));
            answers.put("diagram", clerk.get("/api/cases/" + no + "/diagram"));
            answers.put("divorce withdrawal", clerk.call(HttpMethod.POST, "/api/divorces/" + no + "/withdrawal",
                    Map.of("party", "A", "idNumber", Fixtures.HE_ID), Map.of()));
            for (var e : answers.entrySet()) {
                tried++;
                assertThat(e.getValue().status()).as(outsider + " " + e.getKey() + " → " + e.getValue()).isEqualTo(404);
            }
            assertThat(denials(outsider, no)).as(outsider + " refusals audited").isPositive();
        }
        // The task is untouched: unclaimed, still open, completed by nobody.
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isEqualTo(1);
        assertThat(count("select count(*) from case_event where application_no = ? and event_type in"
                + " ('CLAIMED', 'TASK_COMPLETED', 'CORRECTIONS_REQUESTED')", no)).isZero();
        assertThat(own.post("/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        System.out.printf("[object-access] clerks outside queue or district: %d actions tried, all 404, task untouched%n",
                tried);
    }
}
