package cn.zs.civil.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/** Staff comments on a case: for those entitled to the task, kept apart, in the internal history, never public. */
class TaskCommentsIT extends ApiTestBase {

    private String submit(Api applicant) {
        return submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026031", "HZ440100202698765");
    }

    @Test
    void aClerkCommentsOnTheCaseAndOnlyStaffEverSeeIt() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant);
        String task = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);

        Api.Response added = clerk.post("/api/tasks/" + task + "/comments", Map.of("text", "  发票原件已电话核实，待科长确认。\n"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.body().path("text").asText()).isEqualTo("发票原件已电话核实，待科长确认。");
        assertThat(added.body().path("author").asText()).isEqualTo("clerk-funeral");
        // The chief may add a comment while the clerk holds the task: a comment changes no state.
        assertThat(api().as("chief").post("/api/tasks/" + task + "/comments", Map.of("text", "同意，按规定办理。"))
                .status()).isEqualTo(201);

        JsonNode detail = clerk.get("/api/tasks/" + task).body();
        assertThat(detail.path("comments").findValuesAsText("text"))
                .containsExactly("发票原件已电话核实，待科长确认。", "同意，按规定办理。");
        assertThat(detail.path("comments").findValuesAsText("author")).containsExactly("clerk-funeral", "chief");
        assertThat(detail.path("timeline").findValuesAsText("type")).contains("COMMENTED");
        assertThat(count("select count(*) from case_comment where application_no = ?", no)).isEqualTo(2);
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'COMMENTED'", no))
                .isEqualTo(2);

        // The applicant and the public see neither the comment nor that there was one.
        String mine = applicant.get("/api/applications/" + no).text();
        assertThat(mine).doesNotContain("COMMENTED").doesNotContain("发票原件已电话核实");
        String code = applicant.get("/api/applications/" + no).body().path("queryCode").asText();
        String tracked = api().anonymous().post("/api/public/track", Map.of("applicationNo", no, "queryCode", code)).text();
        assertThat(tracked).contains(no).doesNotContain("COMMENTED").doesNotContain("核实");
    }

    @Test
    void onlyStaffEntitledToTheTaskMayCommentAndAnEmptyCommentIsRefusedFieldByField() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant);
        String task = taskOf(clerk, no);

        // A clerk of another district gets "not found", as for any task outside the queue.
        assertThat(api().as("clerk-funeral-xl").post("/api/tasks/" + task + "/comments", Map.of("text", "看一看"))
                .status()).isEqualTo(404);
        assertThat(applicant.post("/api/tasks/" + task + "/comments", Map.of("text", "催一下")).status()).isEqualTo(403);

        Api.Response blank = clerk.post("/api/tasks/" + task + "/comments", Map.of("text", "   "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body().path("errors").findValuesAsText("field")).containsExactly("text");
        assertThat(blank.body().path("errors").findValuesAsText("message")).containsExactly("“办理意见”为必填项。");
        Api.Response tooLong = clerk.inEnglish().post("/api/tasks/" + task + "/comments", Map.of("text", "长".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().path("errors").findValuesAsText("message")).singleElement().asString()
                .contains("Comment").contains("1000");
        assertThat(count("select count(*) from case_comment where application_no = ?", no)).isZero();
    }
}
