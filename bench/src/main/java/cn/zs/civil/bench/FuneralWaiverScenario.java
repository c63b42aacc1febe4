package cn.zs.civil.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funeral-fee waiver at the funeral home (path A), fully automated: the funeral-home clerk uploads the death
 * certificate scan and registers the deceased; registries, eligibility table, per-item standards and the
 * one-waiver-per-deceased record run in the background and the case ends WAIVED without a human step.
 */
final class FuneralWaiverScenario implements Scenario {

    /** Synthetic deceased are numbered apart from the marriage scenario's couples. */
    private static final long OFFSET = 3_000_000;
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "funeral";
    }

    @Override
    public String serviceCode() {
        return "funeral-fee-waiver";
    }

    @Override
    public String processKey() {
        return "funeral-fee-waiver";
    }

    @Override
    public List<String> models() {
        return List.of("funeral/funeral-fee-waiver.bpmn", "funeral/funeral-eligibility.dmn",
                "funeral/funeral-item-standards.dmn", "funeral/funeral-total-cap.dmn");
    }

    @Override
    public String submitter() {
        return "clerk-funeral-home";
    }

    @Override
    public boolean hasClerkSteps() {
        return false;
    }

    @Override
    public String candidateGroup() {
        return "funeral-home";
    }

    @Override
    public Map<String, Object> application(long n, Client client) {
        String id = Ids.id(OFFSET + n, n % 2 == 0);
        Client.Reply upload = client.upload("POST /api/attachments", submitter(), "死亡证明.pdf", "application/pdf", PDF);
        LocalDate died = LocalDate.now().minusDays(5);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", DISTRICTS[(int) (n % DISTRICTS.length)]);
        data.put("deceasedName", Ids.name(id));
        data.put("deceasedIdNumber", id);
        data.put("dateOfDeath", died.toString());
        data.put("deathCertificateNo", Ids.deathCertificate(id));
        data.put("placeOfDeath", "中山市人民医院");
        data.put("cremationDate", died.plusDays(3).toString());
        data.put("items", List.of(Map.of("itemCode", "TRANSPORT", "quantity", 30, "charge", 150),
                Map.of("itemCode", "STORAGE", "quantity", 2, "charge", 200),
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 300),
                Map.of("itemCode", "URN", "quantity", 1, "charge", 480)));
        data.put("agentName", "陈家豪");
        data.put("agentIdNumber", "442000199001011014");
        data.put("relationship", "CHILD");
        data.put("phone", "13800138000");
        if (upload.ok()) {
            data.put("deathCertificateFile", upload.body().path("id").asText());
        }
        return data;
    }

    @Override
    public Map<String, Object> taskForm(String taskKey, String clerk) {
        if ("Task_VerifyDocuments".equals(taskKey)) {
            return Map.of("decision", "confirm");
        }
        throw new IllegalStateException("funeral: no form values for " + taskKey);
    }

    @Override
    public Map<String, Object> taskVariables(String taskKey, String clerk) {
        return taskForm(taskKey, clerk);
    }

    @Override
    public Map<String, Map<String, Object>> delegateFacts() {
        Map<String, Object> checked = new LinkedHashMap<>();
        checked.put("identityVerified", true);
        checked.put("deathVerified", true);
        checked.put("hukouLocal", true);
        checked.put("diedLocally", true);
        checked.put("specialGroup", "NONE");
        checked.put("crematedLocally", true);
        checked.put("checksPassed", true);
        Map<String, Object> computed = new LinkedHashMap<>();
        computed.put("chargedAmount", 1130.0);
        computed.put("waiverAmount", 1130.0);
        computed.put("ruleVersions", "funeral-item-standards:1");
        return Map.of("checkFuneralRegistriesDelegate", checked, "computeWaiverDelegate", computed,
                "recordWaiverDelegate", Map.of());
    }
}
