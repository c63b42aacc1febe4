package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.registry.Registries;

/**
 * Before a divorce application is accepted: both identities, and the marriage of these two people in the national
 * database under the certificate shown; a second open divorce case for the same couple is flagged.
 */
@Component("checkMarriageRecordDelegate")
class CheckMarriageRecordDelegate implements JavaDelegate {

    private final ApplicationService applications;
    private final Registries.IdentityRegistry identity;
    private final Registries.MarriageRegistry marriages;
    private final MarriageParties parties;
    private final RegistryCheck registryCheck;

    CheckMarriageRecordDelegate(ApplicationService applications, Registries.IdentityRegistry identity,
            Registries.MarriageRegistry marriages, MarriageParties parties, RegistryCheck registryCheck) {
        this.applications = applications;
        this.identity = identity;
        this.marriages = marriages;
        this.parties = parties;
        this.registryCheck = registryCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String no = execution.getProcessBusinessKey();
        Map<String, Object> data = applications.formData(no);
        parties.register(no, DIVORCE_SERVICE, data);
        registryCheck.run(execution, responseIds -> check(no, data, responseIds));
    }

    private Map<String, Object> check(String no, Map<String, Object> data, List<String> responseIds) {
        Map<String, Object> facts = new LinkedHashMap<>();
        String idA = String.valueOf(data.get(idField("A")));
        String idB = String.valueOf(data.get(idField("B")));
        boolean identityVerified = true;
        boolean nonMainland = false;
        String asked = null;
        for (String p : PARTIES) {
            String id = String.valueOf(data.get(idField(p)));
            if (!PartyDocument.of(data.get(idTypeField(p))).mainland()) {
                // Checked by hand at acceptance: public security is not asked with a passport or permit number.
                nonMainland = true;
                continue;
            }
            asked = asked == null ? p : asked;
            identityVerified &= IdNumbers.valid(id) && identity.person(id)
                    .map(x -> x.name().equals(data.get(nameField(p)))).orElse(false);
        }
        // The marriage database is asked through a mainland party where there is one (a foreign-related marriage is
        // recorded under both); the couple's other party is the spouse to find.
        boolean throughB = "B".equals(asked);
        String self = throughB ? idB : idA;
        String spouse = throughB ? idA : idB;
        Registries.MaritalAnswer answer = marriages.maritalAnswer(self);
        responseIds.add(answer.responseId());
        Registries.MaritalRecord a = answer.record();
        boolean recordFound = "MARRIED".equals(a.status()) && spouse.equalsIgnoreCase(a.spouseIdNumber())
                && String.valueOf(data.get("marriageCertificateNo")).endsWith(String.valueOf(a.certificateNo()));
        facts.put(VAR_NON_MAINLAND_PARTY, nonMainland);
        facts.put(VAR_IDENTITY_VERIFIED, identityVerified);
        facts.put(VAR_MARRIAGE_RECORD_FOUND, recordFound);
        facts.put(VAR_DUPLICATE_CASE, !parties.openCases(DIVORCE_SERVICE, data, no).isEmpty());
        facts.put(VAR_NON_LOCAL, parties.nonLocal(no, DIVORCE_SERVICE, data));
        return facts;
    }
}
