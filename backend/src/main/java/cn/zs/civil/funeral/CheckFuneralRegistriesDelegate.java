package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.ProcessKeys;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.registry.Registries;

/**
 * Looks the deceased up in the registries instead of asking the family for paper (Decree 716 Art. 7) and writes
 * only the findings to the engine. A registry outage throws, so the engine retries and the case waits.
 */
@Component("checkFuneralRegistriesDelegate")
class CheckFuneralRegistriesDelegate implements JavaDelegate {

    private final ApplicationService applications;
    private final Registries.IdentityRegistry identity;
    private final Registries.DeathRegister deaths;
    private final Registries.AssistanceRegistry assistance;
    private final Registries.FuneralRegistry funerals;
    private final CaseLog log;
    private final String cityDivisionPrefix;
    private final java.util.Set<String> allowanceExclusions;

    /**
     * @param allowanceExclusions the categories of policy funeral-allowance (丧葬费) recipients the city leaves out of
     *        the waiver ({@code platform.funeral.allowance-exclusions}; Shantou Longhu excludes public-sector staff
     *        and enterprise pension insured [S]; Zhongshan's are unknown, so none by default)
     */
    CheckFuneralRegistriesDelegate(ApplicationService applications, Registries.IdentityRegistry identity,
            Registries.DeathRegister deaths, Registries.AssistanceRegistry assistance,
            Registries.FuneralRegistry funerals, CaseLog log,
            @Value("${platform.funeral.city-division-prefix:4420}") String cityDivisionPrefix,
            @Value("${platform.funeral.allowance-exclusions:}") java.util.List<String> allowanceExclusions) {
        this.allowanceExclusions = allowanceExclusions == null ? java.util.Set.of()
                : allowanceExclusions.stream().map(String::strip).filter(c -> !c.isEmpty())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.applications = applications;
        this.identity = identity;
        this.deaths = deaths;
        this.assistance = assistance;
        this.funerals = funerals;
        this.log = log;
        this.cityDivisionPrefix = cityDivisionPrefix;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationNo = execution.getProcessBusinessKey();
        Map<String, Object> data = applications.formData(applicationNo);
        String id = String.valueOf(data.get(FIELD_DECEASED_ID));
        boolean idValid = IdNumbers.valid(id);

        Optional<Registries.Person> person = idValid ? identity.person(id) : Optional.empty();
        Optional<Registries.DeathRecord> death = idValid ? deaths.death(id) : Optional.empty();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(VAR_IDENTITY_VERIFIED, person.map(p -> p.name().equals(data.get(FIELD_DECEASED_NAME))).orElse(false));
        facts.put(VAR_DEATH_VERIFIED,
                death.map(d -> d.certificateNo().equals(data.get(FIELD_DEATH_CERTIFICATE))).orElse(false));
        facts.put(VAR_HUKOU_LOCAL, person.map(p -> p.hukouDivision().startsWith(cityDivisionPrefix)).orElse(false));
        facts.put(VAR_DIED_LOCALLY, death.map(d -> d.placeDivision().startsWith(cityDivisionPrefix)).orElse(false));
        facts.put(VAR_SPECIAL_GROUP, idValid ? assistance.assistanceStatus(id) : "NONE");
        Object allowance = data.get(FIELD_ALLOWANCE_CATEGORY);
        facts.put(VAR_ALLOWANCE_EXCLUDED, allowance != null && allowanceExclusions.contains(allowance.toString()));

        boolean atCityFuneralHome = WAIVER_KEY.equals(ProcessKeys.of(execution));
        facts.put(VAR_CREMATED_LOCALLY, atCityFuneralHome);
        if (!atCityFuneralHome) {
            Object certificate = data.get(FIELD_CREMATION_CERTIFICATE);
            Optional<Registries.CremationRecord> cremation = certificate == null ? Optional.empty()
                    : funerals.cremation(certificate.toString());
            facts.put(VAR_CREMATION_VERIFIED, cremation.map(c -> c.idNumber().equalsIgnoreCase(id)).orElse(false));
            boolean declared = "yes".equals(data.get(VAR_WAIVED_ELSEWHERE_DECLARED));
            boolean recorded = idValid
                    && funerals.cremationsOf(id).stream().anyMatch(Registries.CremationRecord::waived);
            facts.put(VAR_WAIVED_ELSEWHERE, declared || recorded);
        }
        facts.put(VAR_CHECKS_PASSED,
                (boolean) facts.get(VAR_IDENTITY_VERIFIED) && (boolean) facts.get(VAR_DEATH_VERIFIED));
        execution.setVariables(facts);
        log.bySystem(applicationNo, CaseEventType.CHECKED, null, null, facts);
    }
}
