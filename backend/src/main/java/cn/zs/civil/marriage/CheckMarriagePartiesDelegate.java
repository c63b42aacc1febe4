package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.forms.FormDates;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.registry.Registries;

/**
 * Checks both parties of a marriage against the public-security identity service and the national marriage
 * database, computes the facts the eligibility table decides on (ages on the registration date, one man and one
 * woman, current marriages, an open divorce case), and writes only those facts to the engine. If a registry does
 * not answer, the case waits and retries; nothing is decided on missing data. A party who is not a mainland resident
 * (brief §1(c-1) variants) is not looked up: sex and date of birth come from the check-in, and the case goes to the
 * registrar's proof step, where the documents and the proof of no spouse are checked by hand.
 */
@Component("checkMarriagePartiesDelegate")
class CheckMarriagePartiesDelegate implements JavaDelegate {

    /** The registry status of a party the databases were not asked about (not a mainland resident). */
    static final String NOT_QUERIED = "NOT_QUERIED";

    private final ApplicationService applications;
    private final Registries.IdentityRegistry identity;
    private final Registries.MarriageRegistry marriages;
    private final MarriageParties parties;
    private final RegistryCheck registryCheck;

    CheckMarriagePartiesDelegate(ApplicationService applications, Registries.IdentityRegistry identity,
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
        parties.register(no, MARRIAGE_SERVICE, data);
        registryCheck.run(execution, responseIds -> check(no, data, responseIds));
    }

    /**
     * Whether the database bears out the declaration. A current marriage is not a mismatch to prove but a ground
     * of refusal (the eligibility table decides); no record at all is what a never-married person may have.
     */
    static boolean matches(String registryStatus, Object declared) {
        return registryStatus.equals(declared) || "MARRIED".equals(registryStatus)
                || ("UNKNOWN".equals(registryStatus) && "SINGLE".equals(declared));
    }

    /**
     * Full years of age on the registration date (brief §1(e)2): a party is a year older from the birthday itself,
     * and one born on 29 February from 1 March in a common year.
     */
    static int ageOn(LocalDate birth, LocalDate day) {
        return Period.between(birth, day).getYears();
    }

    private Map<String, Object> check(String no, Map<String, Object> data, List<String> responseIds) {
        LocalDate today = BusinessTime.now().toLocalDate();
        Map<String, Object> facts = new LinkedHashMap<>();
        List<String> sexes = new ArrayList<>();
        List<Registries.MaritalRecord> records = new ArrayList<>();
        boolean identityVerified = true;
        boolean mismatch = false;
        boolean nonMainland = false;
        Integer ageMan = null;
        Integer ageWoman = null;
        List<Optional<Registries.Household>> households = new ArrayList<>();
        for (String p : PARTIES) {
            String id = String.valueOf(data.get(idField(p)));
            String sex;
            LocalDate birth;
            if (!PartyDocument.of(data.get(idTypeField(p))).mainland()) {
                // Not a mainland resident: the databases are not asked with a passport or permit number; the
                // registrar checks the documents and the proof of no spouse by hand (the proof step).
                nonMainland = true;
                records.add(new Registries.MaritalRecord(id, "UNKNOWN", null, null, null, null));
                facts.put("party" + p + "RegistryStatus", NOT_QUERIED);
                sex = String.valueOf(data.get(sexField(p)));
                birth = java.util.Objects.requireNonNullElse(FormDates.of(data.get(birthDateField(p))), today);
            } else {
                boolean valid = IdNumbers.valid(id);
                Optional<Registries.Person> person = valid ? identity.person(id) : Optional.empty();
                households.add(valid ? identity.household(id) : Optional.empty());
                identityVerified &= person.map(x -> x.name().equals(data.get(nameField(p)))).orElse(false);
                Registries.MaritalAnswer answer = valid ? marriages.maritalAnswer(id) : null;
                Registries.MaritalRecord record = answer != null ? answer.record()
                        : new Registries.MaritalRecord(id, "UNKNOWN", null, null, null, null);
                if (answer != null) {
                    responseIds.add(answer.responseId());
                }
                records.add(record);
                // Sex from the registry, else from the ID number's 17th digit (odd: male).
                sex = person.map(Registries.Person::sex).orElse(valid && (id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
                birth = person.map(Registries.Person::birthDate).orElse(valid ? IdNumbers.birthDate(id) : today);
                facts.put("party" + p + "RegistryStatus", record.status());
                mismatch |= !matches(record.status(), data.get(declaredField(p)));
            }
            sexes.add(sex);
            int age = ageOn(birth, today);
            if ("M".equals(sex)) {
                ageMan = age;
            } else {
                ageWoman = age;
            }
        }
        boolean oneManOneWoman = sexes.contains("M") && sexes.contains("F");
        String idA = String.valueOf(data.get(idField("A")));
        String idB = String.valueOf(data.get(idField("B")));
        facts.put(VAR_IDENTITY_VERIFIED, identityVerified);
        facts.put(VAR_NON_MAINLAND_PARTY, nonMainland);
        facts.put(VAR_KINSHIP_SIGNAL,
                households.size() == 2 && KinshipSignal.between(households.get(0), households.get(1)));
        facts.put(VAR_STATUS_MISMATCH, mismatch || !identityVerified || nonMainland);
        facts.put(VAR_ONE_MAN_ONE_WOMAN, oneManOneWoman);
        facts.put(VAR_AGE_MAN, oneManOneWoman ? ageMan : 0);
        facts.put(VAR_AGE_WOMAN, oneManOneWoman ? ageWoman : 0);
        facts.put(VAR_MARRIED_TO_EACH_OTHER, idB.equalsIgnoreCase(records.get(0).spouseIdNumber())
                && idA.equalsIgnoreCase(records.get(1).spouseIdNumber()));
        facts.put(VAR_ANY_PARTY_MARRIED, records.stream().anyMatch(r -> "MARRIED".equals(r.status())));
        facts.put(VAR_OPEN_DIVORCE_CASE, !parties.openCases(DIVORCE_SERVICE, data, no).isEmpty());
        facts.put(VAR_NON_LOCAL, parties.nonLocal(no, MARRIAGE_SERVICE, data));
        return facts;
    }
}
