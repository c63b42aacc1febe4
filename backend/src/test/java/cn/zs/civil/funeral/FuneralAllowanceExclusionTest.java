package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.FIELD_ALLOWANCE_CATEGORY;
import static cn.zs.civil.funeral.FuneralProcess.VAR_ALLOWANCE_EXCLUDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.registry.Registries;

/**
 * Domain brief §4(a) (Shantou Longhu): the families of people who may draw a policy funeral allowance (丧葬费) of a
 * category the city excludes are not covered by the waiver. The registry check turns the category the form recorded
 * into the fact {@code allowanceExcluded} that funeral-eligibility.dmn decides on, against the configured exclusions
 * ({@code platform.funeral.allowance-exclusions}; none by default, as Zhongshan's are unknown).
 */
class FuneralAllowanceExclusionTest {

    private static final String ID = "442000195509099194";

    @SuppressWarnings("unchecked")
    private Map<String, Object> facts(List<String> exclusions, String category) {
        ApplicationService applications = mock(ApplicationService.class);
        Map<String, Object> data = new HashMap<>(Map.of("deceasedIdNumber", ID, "deceasedName", "何丽珍",
                "deathCertificateNo", "SW4420002026077"));
        if (category != null) {
            data.put(FIELD_ALLOWANCE_CATEGORY, category);
        }
        when(applications.formData(anyString())).thenReturn(data);
        Registries.IdentityRegistry identity = id -> Optional.of(new Registries.Person(ID, "何丽珍", "F",
                LocalDate.of(1955, 9, 9), "442000", "shiqi", "MARRIED"));
        Registries.DeathRegister deaths = id -> Optional.empty();
        Registries.AssistanceRegistry assistance = id -> "NONE";
        Registries.FuneralRegistry funerals = mock(Registries.FuneralRegistry.class);
        DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
        when(execution.getProcessBusinessKey()).thenReturn("BZA-20261130-0009");
        when(execution.getProcessEngineServices().getRepositoryService().getProcessDefinition(any()).getKey())
                .thenReturn(FuneralProcess.WAIVER_KEY);
        new CheckFuneralRegistriesDelegate(applications, identity, deaths, assistance, funerals, mock(CaseLog.class),
                "4420", exclusions).execute(execution);
        ArgumentCaptor<Map<String, Object>> set = ArgumentCaptor.forClass(Map.class);
        verify(execution).setVariables(set.capture());
        return set.getValue();
    }

    private static String any() {
        return org.mockito.ArgumentMatchers.any();
    }

    @Test
    void aCategoryTheCityExcludesMakesTheDeceasedExcluded_R203() {
        List<String> longhu = List.of("PUBLIC_SECTOR", "ENTERPRISE_PENSION");
        assertThat(facts(longhu, "PUBLIC_SECTOR")).containsEntry(VAR_ALLOWANCE_EXCLUDED, true);
        assertThat(facts(longhu, "ENTERPRISE_PENSION")).containsEntry(VAR_ALLOWANCE_EXCLUDED, true);
        assertThat(facts(longhu, "NONE")).containsEntry(VAR_ALLOWANCE_EXCLUDED, false);
        assertThat(facts(longhu, null)).containsEntry(VAR_ALLOWANCE_EXCLUDED, false);
        assertThat(facts(List.of("PUBLIC_SECTOR"), "ENTERPRISE_PENSION")).containsEntry(VAR_ALLOWANCE_EXCLUDED, false);
    }

    @Test
    void withoutExclusionsConfiguredNobodyIsExcluded() {
        assertThat(facts(List.of(), "PUBLIC_SECTOR")).containsEntry(VAR_ALLOWANCE_EXCLUDED, false);
    }
}
