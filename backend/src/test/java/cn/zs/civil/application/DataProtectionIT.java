package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.FreeTextSealing;
import cn.zs.civil.protection.KeyedHash;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import cn.zs.civil.worklist.TaskComments;

/**
 * Personal data at rest: the submitted forms are sealed with AES-GCM in the platform's table, nothing in the engine's
 * runtime or history tables, the audit trails or the logs holds an ID number, and the people entitled to the case
 * still read it in full (a 4-byte name included).
 */
@ExtendWith(OutputCaptureExtension.class)
class DataProtectionIT extends ApiTestBase {

    private static final String GROOM_ID = "442000200003151315";
    private static final String BRIDE_ID = "44200020030303134X";
    private static final String GROOM_NAME = "𠮷小明";

    @Autowired
    private ApplicationMapper mapper;

    @Autowired
    private TransactionTemplate tx;

    @Autowired
    private FormDataSealing sealing;

    @Autowired
    private DataCipher cipher;

    @Autowired
    private AttachmentStores.Stores stores;

    @Autowired
    private KeyedHash keyedHash;

    @Autowired
    private FreeTextSealing freeTextSealing;

    @Autowired
    private TaskComments comments;

    @Autowired
    private cn.zs.civil.forms.FormDefinitions forms;

    @Autowired
    private com.fasterxml.jackson.databind.ObjectMapper json;

    private String reimbursement() {
        Api applicant = api().as("zhangsan");
        String cremation = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data",
                Fixtures.reimbursement("shiqi", "周国强", Fixtures.ZHOU_ID, "SW4419002026001", "HZ441900202600001",
                        cremation, invoice)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    private String marriage() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", "shiqi");
        data.put("partyAName", GROOM_NAME);
        data.put("partyAIdNumber", GROOM_ID);
        data.put("partyAPhone", "13800000001");
        data.put("partyADeclaredStatus", "SINGLE");
        data.put("partyBName", "吴婷");
        data.put("partyBIdNumber", BRIDE_ID);
        data.put("partyBPhone", "13800000002");
        data.put("partyBDeclaredStatus", "SINGLE");
        data.put("bothPresent", true);
        Api.Response r = api().as("clerk-marriage").post("/api/applications",
                Map.of("serviceCode", "marriage-registration", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    @Test
    void idNumbersAreSealedAtRestAndAppearNowhereInPlainText() {
        String funeral = reimbursement();
        String wedding = marriage();
        List<String> secrets = List.of(Fixtures.ZHOU_ID, "442000199001011014", GROOM_ID, BRIDE_ID);

        for (String no : List.of(funeral, wedding)) {
            String raw = jdbc.queryForObject("select form_data from application where application_no = ?", String.class, no);
            assertThat(raw).startsWith("enc:v1:" + cipher.activeKeyId() + ":");
            for (String id : secrets) {
                assertThat(raw).doesNotContain(id).doesNotContain(id.substring(6, 14));
            }
            assertThat(raw).doesNotContain("6222020000123456789", "13800138000", "周国强", "𠮷");
        }

        // Nowhere else in plain text: the platform's other tables, the engine's runtime and history, the audit log.
        Map<String, Integer> found = new LinkedHashMap<>();
        int probes = 0;
        List<String> columns = List.of(
                "select count(*) from application where subject_sealed like ? or form_data like ?",
                "select count(*) from case_event where data like ? or task_name like ? ",
                "select count(*) from audit_log where before_state like ? or after_state like ?",
                "select count(*) from ACT_RU_VARIABLE where TEXT_ like ? or TEXT2_ like ?",
                "select count(*) from ACT_HI_VARINST where TEXT_ like ? or TEXT2_ like ?",
                "select count(*) from ACT_HI_DETAIL where TEXT_ like ? or TEXT2_ like ?",
                "select count(*) from ACT_HI_OP_LOG where ORG_VALUE_ like ? or NEW_VALUE_ like ?");
        for (String id : secrets) {
            for (String sql : columns) {
                probes++;
                int n = count(sql, "%" + id + "%", "%" + id + "%");
                if (n > 0) {
                    found.put(sql + " ← " + id, n);
                }
            }
        }
        // Serialized values (JSON objects such as decision results) live in byte arrays.
        List<byte[]> blobs = jdbc.queryForList("select BYTES_ from ACT_GE_BYTEARRAY where BYTES_ is not null", byte[].class);
        for (byte[] blob : blobs) {
            String text = new String(blob, StandardCharsets.UTF_8);
            for (String id : secrets) {
                probes++;
                if (text.contains(id)) {
                    found.merge("ACT_GE_BYTEARRAY ← " + id, 1, Integer::sum);
                }
            }
        }
        System.out.printf("[data-protection] %d ID numbers × (%d columns + %d byte arrays): %d probes, %d found%n",
                secrets.size(), columns.size(), blobs.size(), probes, found.size());
        assertThat(found).as("ID numbers in plain text").isEmpty();

        // Those entitled read the case in full, the 4-byte name included.
        JsonNode detail = api().as("clerk-marriage").get("/api/applications/" + wedding).body();
        assertThat(detail.path("data").path("partyAIdNumber").asText()).isEqualTo(GROOM_ID);
        assertThat(detail.path("data").path("partyAName").asText()).isEqualTo(GROOM_NAME);
        JsonNode mine = api().as("zhangsan").get("/api/applications/" + funeral).body();
        assertThat(mine.path("data").path("deceasedIdNumber").asText()).isEqualTo(Fixtures.ZHOU_ID);
        assertThat(mine.path("data").path("bankAccount").asText()).isEqualTo("6222020000123456789");
        // Lists show the subject masked, public tracking shows no personal data at all.
        assertThat(api().as("clerk-marriage").get("/api/tasks?size=100").text()).doesNotContain(GROOM_ID, GROOM_NAME);
        String code = mine.path("queryCode").asText();
        assertThat(code).hasSize(8);
        assertThat(jdbc.queryForObject("select query_code from application where application_no = ?", String.class,
                funeral)).startsWith(cipher.currentPrefix()).doesNotContain(code);
        assertThat(jdbc.queryForObject("select query_hash from application where application_no = ?", String.class,
                funeral)).hasSize(64).isEqualTo(keyedHash.of(code));
        assertThat(api().anonymous().post("/api/public/track", Map.of("applicationNo", funeral, "queryCode", code)).text())
                .doesNotContain(Fixtures.ZHOU_ID, "周国强", "张三", "13800138000");
    }

    /**
     * A dump of the whole database (H2's SCRIPT: every table, the engine's included, files as hex) after cases with
     * known names, ID numbers, phones, a bank account and a file holds none of them in plain text.
     */
    @Test
    void aDumpOfTheDatabaseHoldsNoNameIdNumberPhoneBankAccountOrFile() throws Exception {
        String url = jdbc.getDataSource().getConnection().getMetaData().getURL();
        org.junit.jupiter.api.Assumptions.assumeTrue(url.startsWith("jdbc:h2:"), "H2's SCRIPT (MariaDB: mysqldump in CI)");
        Api applicant = api().as("zhangsan");
        byte[] marker = "%DUMP-PROBE-5c1e7a-火化证明\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = java.nio.ByteBuffer.allocate(Fixtures.pdf().length + marker.length).put(Fixtures.pdf()).put(marker)
                .array();
        String cremation = applicant.upload("火化证明.pdf", file).body().path("id").asText();
        String invoice = applicant.upload("发票.pdf", file).body().path("id").asText();
        Map<String, Object> data = Fixtures.reimbursement("xiaolan", "周国强", Fixtures.ZHOU_ID, "SW4419002026077",
                "HZ441900202600077", cremation, invoice);
        data.put("phone", "13912345678");
        data.put("bankAccount", "6222029988776655443");
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        runJobs(r.body().path("applicationNo").asText());
        String married = marriage();
        assertThat(api().as("zhangsan").get("/api/applications/" + r.body().path("applicationNo").asText()).body()
                .path("summary").toString()).contains("周国强");
        assertThat(api().as("zhangsan").get("/api/attachments/" + cremation).bytes()).isEqualTo(file);

        StringBuilder dump = new StringBuilder();
        jdbc.query("SCRIPT", rs -> {
            dump.append(rs.getString(1)).append('\n');
        });
        // SCRIPT writes text beyond ASCII as U&'\5468\+020bb7' escapes: read them back as the characters they are,
        // or a name in plain text would never be found.
        String text = java.util.regex.Pattern.compile("\\\\\\+([0-9a-fA-F]{6})|\\\\([0-9a-fA-F]{4})").matcher(dump)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(
                        Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2), 16)))));
        assertThat(text).as("the dump read back").contains("中山");
        String hex = java.util.HexFormat.of().formatHex(marker);
        List<String> found = new ArrayList<>();
        for (String probe : List.of("周国强", Fixtures.ZHOU_ID, "13912345678", "6222029988776655443", GROOM_NAME, GROOM_ID,
                BRIDE_ID, "吴婷", "13800000001", hex, hex.toUpperCase(java.util.Locale.ROOT), "DUMP-PROBE-5c1e7a")) {
            if (text.contains(probe)) {
                int at = text.indexOf(probe);
                found.add(probe + " in: " + text.substring(Math.max(0, text.lastIndexOf('\n', at) + 1), Math.min(text.length(), at + 80)));
            }
        }
        assertThat(found).as("plain personal data in the dump").isEmpty();
        System.out.printf("[data-protection] H2 dump of %,d characters after 2 cases (%s and one reimbursement): no name,"
                + " ID number, phone, bank account or file content found%n", text.length(), married);
    }

    @Test
    void rowsWrittenBeforeEncryptionAreSealedAtStartUpAndARotatedKeyReSealsEveryRow() {
        String no = reimbursement();
        String plain = cipher.open(jdbc.queryForObject("select form_data from application where application_no = ?",
                String.class, no), no);
        String subject = SubjectNames.open(cipher, no, jdbc.queryForObject(
                "select subject_sealed from application where application_no = ?", String.class, no));
        List<String> keys = nameKeys(no);
        assertThat(keys).as("the deceased's and the applying family member's names are found by their keyed hashes")
                .hasSize(2).contains(new SubjectNameKeys(keyedHash).of(" " + subject + " "));
        // A row as an earlier version of the platform wrote it: plain JSON, no keyed hashes of its names.
        jdbc.update("update application set form_data = ? where application_no = ?", plain, no);
        jdbc.update("delete from application_name_key where application_no = ?", no);
        assertThat(sealing.resealAll()).isGreaterThanOrEqualTo(1);
        assertThat(sealing.keyNamesOfEarlierCases()).isGreaterThanOrEqualTo(1);
        assertThat(nameKeys(no)).as("the names' keyed hashes, given at start-up").isEqualTo(keys);
        String sealed = jdbc.queryForObject("select form_data from application where application_no = ?", String.class, no);
        assertThat(sealed).startsWith(cipher.currentPrefix()).doesNotContain(Fixtures.ZHOU_ID);
        assertThat(api().as("zhangsan").get("/api/applications/" + no).body().path("data").path("deceasedIdNumber")
                .asText()).isEqualTo(Fixtures.ZHOU_ID);

        // Rotation: a new key first in the list re-seals every row; the old key only opens.
        int rows = count("select count(*) from application");
        int files = count("select count(*) from attachment");
        String current = cipher.activeKeyId() + ":" + java.util.Base64.getEncoder()
                .encodeToString(cipher.keys().get(cipher.activeKeyId()).getEncoded());
        String fresh = "k2099:" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                .getBytes(StandardCharsets.US_ASCII));
        try {
            assertThat(new FormDataSealing(mapper, new DataCipher(fresh + "," + current), keyedHash, tx, 7, stores, forms, json).resealAll())
                    .isEqualTo(rows + files);
            assertThat(count("select count(*) from attachment where content_key = 'k2099'")).isEqualTo(files);
            assertThat(count("select count(*) from application where form_data like 'enc:v1:k2099:%'")).isEqualTo(rows);
            assertThat(new DataCipher(fresh).open(jdbc.queryForObject(
                    "select form_data from application where application_no = ?", String.class, no), no)).isEqualTo(plain);
        } finally {
            // Back to the key the shared test context runs with.
            new FormDataSealing(mapper, new DataCipher(current + "," + fresh), keyedHash, tx, 50, stores, forms, json).resealAll();
        }
        assertThat(count("select count(*) from application where form_data like ?", cipher.currentPrefix() + "%"))
                .isEqualTo(rows);
        System.out.printf("[data-protection] re-sealed %d rows with a new key and back%n", rows);
    }

    /**
     * Free text typed by staff and applicants (a comment, a correction notice, an event's data) is sealed at rest like
     * the form data, read in full by the case's clerk and its applicant; rows written in plain text before are sealed
     * at start-up, and a rotated key re-seals them.
     */
    @Test
    void freeTextIsSealedAtRestAndReadInFullByTheCaseStaffAndItsApplicant() {
        String no = reimbursement();
        Api clerk = api().as("clerk-funeral");
        String task = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
        String comment = "已核实死者身份证 " + Fixtures.ZHOU_ID + "，退款账户 6222029988776655443";
        assertThat(clerk.post("/api/tasks/" + task + "/comments", Map.of("text", comment)).status()).isEqualTo(201);
        assertThat(clerk.get("/api/tasks/" + task).body().path("comments").findValuesAsText("text"))
                .containsExactly(comment);
        String note = "请核对身份证号 " + Fixtures.ZHOU_ID + " 与账户 6222029988776655443";
        Api.Response notice = clerk.post("/api/tasks/" + task + "/corrections", Map.of("items",
                List.of(Map.of("description", "火化证明上的身份证号 " + Fixtures.ZHOU_ID + " 不清")), "note", note));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(204);

        List<String> raw = new ArrayList<>();
        raw.addAll(jdbc.queryForList("select body from case_comment where application_no = ?", String.class, no));
        raw.addAll(jdbc.queryForList("select items from correction_notice where application_no = ?", String.class, no));
        raw.addAll(jdbc.queryForList("select note from correction_notice where application_no = ?", String.class, no));
        raw.addAll(jdbc.queryForList("select data from case_event where application_no = ? and data is not null",
                String.class, no));
        assertThat(raw).hasSizeGreaterThanOrEqualTo(5).allSatisfy(v -> assertThat(v).startsWith(cipher.currentPrefix())
                .doesNotContain(Fixtures.ZHOU_ID, "6222029988776655443", "身份证"));

        // The case's staff read the clerk's text in full; its applicant sees the ID number of their own form in
        // full and an account number that is not theirs masked.
        assertThat(clerk.get("/api/applications/" + no).body().path("correctionNotice").path("note").asText())
                .isEqualTo(note);
        JsonNode mine = api().as("zhangsan").get("/api/applications/" + no).body();
        assertThat(mine.path("correctionNotice").path("note").asText())
                .isEqualTo("请核对身份证号 " + Fixtures.ZHOU_ID + " 与账户 ***************5443");
        assertThat(mine.path("correctionNotice").path("items").findValuesAsText("description").get(0))
                .contains(Fixtures.ZHOU_ID);

        // Rows as an earlier version wrote them: plain text, sealed by the start-up step.
        jdbc.update("update case_comment set body = ? where application_no = ?", comment, no);
        jdbc.update("update correction_notice set note = ? where application_no = ?", note, no);
        assertThat(freeTextSealing.resealAll()).isEqualTo(2);
        assertThat(count("select count(*) from case_comment where body like '%身份证%' or body not like 'enc:v1:%'"))
                .isZero();
        assertThat(comments.ofCase(no)).extracting(TaskComments.Comment::text).containsExactly(comment);

        // Rotation: a new key first re-seals every free-text value; back to the shared context's key after.
        String current = cipher.activeKeyId() + ":" + java.util.Base64.getEncoder()
                .encodeToString(cipher.keys().get(cipher.activeKeyId()).getEncoded());
        String fresh = "k2098:" + java.util.Base64.getEncoder().encodeToString("abcdef0123456789abcdef0123456789"
                .getBytes(StandardCharsets.US_ASCII));
        int sealedValues = count("select count(*) from case_comment") + count("select count(*) from case_event"
                + " where data is not null") + 2 * count("select count(*) from correction_notice where note is not null")
                + count("select count(*) from correction_notice where note is null")
                + count("select count(*) from service_rating where comment_text is not null")
                + count("select count(*) from service_rating where feedback_text is not null")
                + count("select count(*) from so_case where receipt_text is not null")
                + count("select count(*) from so_case where decision_text is not null")
                + count("select count(*) from so_case where announcement_text is not null");
        try {
            assertThat(freeTextSealing.withCipher(new DataCipher(fresh + "," + current), 3).resealAll())
                    .isEqualTo(sealedValues);
            assertThat(count("select count(*) from case_comment where body not like 'enc:v1:k2098:%'")).isZero();
        } finally {
            freeTextSealing.withCipher(new DataCipher(current + "," + fresh), 50).resealAll();
        }
        assertThat(comments.ofCase(no)).extracting(TaskComments.Comment::text).containsExactly(comment);
        assertThat(clerk.get("/api/applications/" + no).body().path("correctionNotice").path("note").asText())
                .isEqualTo(note);
    }

    @Test
    void logLinesAndStackTracesMaskIdNumbers(CapturedOutput output) {
        var logger = LoggerFactory.getLogger(DataProtectionIT.class);
        logger.warn("registry answered for {}", GROOM_ID);
        logger.error("failed", new IllegalStateException("bad id " + BRIDE_ID));
        List<String> lines = new ArrayList<>(output.getAll().lines().toList());
        assertThat(output.getAll()).contains("registry answered for 4420**********1315", "bad id 4420**********134X")
                .doesNotContain(GROOM_ID, BRIDE_ID);
        assertThat(lines).isNotEmpty();
    }

    private List<String> nameKeys(String no) {
        return jdbc.queryForList("select name_hash from application_name_key where application_no = ? order by name_hash",
                String.class, no);
    }
}
