package cn.zs.civil.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marriage registration at the counter, every counter step: the registrar checks the couple in (the submission),
 * the registries are checked in the background, the registrar takes the review (declarations, decision to
 * register) and then the certificate issue; the national database is told in the background and the case ends
 * REGISTERED.
 */
final class MarriageScenario implements Scenario {

    @Override
    public String name() {
        return "marriage";
    }

    @Override
    public String serviceCode() {
        return "marriage-registration";
    }

    @Override
    public String processKey() {
        return "marriage-registration";
    }

    @Override
    public List<String> models() {
        return List.of("marriage/marriage-registration.bpmn", "marriage/marriage-eligibility.dmn");
    }

    @Override
    public String submitter() {
        return "clerk-marriage";
    }

    @Override
    public boolean hasClerkSteps() {
        return true;
    }

    @Override
    public String candidateGroup() {
        return "marriage-registrar";
    }

    @Override
    public Map<String, Object> application(long n, Client client) {
        String a = Ids.id(n, true);
        String b = Ids.id(n, false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", DISTRICTS[(int) (n % DISTRICTS.length)]);
        data.put("partyAName", Ids.name(a));
        data.put("partyAIdNumber", a);
        data.put("partyAPhone", "138" + String.format("%08d", n % 100_000_000));
        data.put("partyADeclaredStatus", "SINGLE");
        data.put("partyBName", Ids.name(b));
        data.put("partyBIdNumber", b);
        data.put("partyBPhone", "139" + String.format("%08d", n % 100_000_000));
        data.put("partyBDeclaredStatus", "SINGLE");
        data.put("bothPresent", true);
        return data;
    }

    @Override
    public Map<String, Object> taskForm(String taskKey, String clerk) {
        return switch (taskKey) {
            case "Task_ReviewMarriage" -> Map.of("counselling", "declined", "declarationSignedA", true,
                    "declarationSignedB", true, "decision", "register");
            case "Task_IssueCertificate" -> Map.of("bothSigned", true, "certificatesHanded", true);
            case "Task_CheckProofOfStatus" -> Map.of("decision", "proofAccepted");
            case "Task_IssueRefusalNotice" -> Map.of("explained", true, "reasons", "不符合结婚登记条件。");
            default -> throw new IllegalStateException("marriage: no form values for " + taskKey);
        };
    }

    @Override
    public Map<String, Object> taskVariables(String taskKey, String clerk) {
        return switch (taskKey) {
            case "Task_ReviewMarriage" -> Map.of("decision", "register");
            case "Task_CheckProofOfStatus" -> Map.of("decision", "proofAccepted");
            default -> Map.of();
        };
    }

    @Override
    public Map<String, Map<String, Object>> delegateFacts() {
        Map<String, Object> checked = new LinkedHashMap<>();
        checked.put("registryAvailable", true);
        checked.put("partyARegistryStatus", "UNKNOWN");
        checked.put("partyBRegistryStatus", "UNKNOWN");
        checked.put("identityVerified", true);
        checked.put("statusMismatch", false);
        checked.put("oneManOneWoman", true);
        checked.put("ageMan", 30);
        checked.put("ageWoman", 28);
        checked.put("marriedToEachOther", false);
        checked.put("anyPartyMarried", false);
        checked.put("openDivorceCase", false);
        checked.put("nonLocal", false);
        return Map.of("checkMarriagePartiesDelegate", checked,
                // the platform keeps the number in its own table, not as a variable (issue 18): no variable here either
                "assignCertificateNumberDelegate", Map.of(),
                "reportRegistrationDelegate", Map.of());
    }
}
