package cn.zs.civil.catalogue;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.catalogue.ServiceCatalogue.Limit;
import cn.zs.civil.catalogue.ServiceCatalogue.ServiceDefinition;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service catalogue", description = "What each service needs; public")
class CatalogueController {

    private final ServiceCatalogue catalogue;
    private final RepositoryService repository;
    private final FormDefinitions forms;
    private final IdentityProperties identity;

    private final PolicyParameters parameters;

    CatalogueController(ServiceCatalogue catalogue, RepositoryService repository, FormDefinitions forms,
            IdentityProperties identity, PolicyParameters parameters) {
        this.parameters = parameters;
        this.catalogue = catalogue;
        this.repository = repository;
        this.forms = forms;
        this.identity = identity;
    }

    record ServiceSummary(String code, String name, String kind, String channel, String where, Limit statutoryLimit,
            Limit promisedLimit, List<String> starterRoles, List<String> starterGroups) {
    }

    record MaterialView(String code, String name, boolean required) {
    }

    record ServiceView(String code, String name, String kind, String channel, String where, List<String> legalBasis,
            List<String> conditions, List<MaterialView> materials, Limit statutoryLimit, Limit promisedLimit,
            List<String> starterRoles, List<String> starterGroups, String processVersion, JsonNode startForm) {
    }

    record DistrictView(String code, String name) {
    }

    @Operation(summary = "The service catalogue")
    @GetMapping("/api/services")
    @PreAuthorize(Roles.PUBLIC)
    List<ServiceSummary> list(Locale locale) {
        boolean en = english(locale);
        return catalogue.services().entrySet().stream().map(e -> {
            ServiceDefinition s = e.getValue();
            return new ServiceSummary(e.getKey(), s.name().in(en), s.kind().name(), s.channel().name(), where(s, en),
                    statutoryToday(e.getKey(), s), promisedToday(e.getKey(), s), s.starterRoles(), s.starterGroups());
        }).toList();
    }

    @Operation(summary = "One service: legal basis, conditions, materials, limits and its start form")
    @GetMapping("/api/services/{code}")
    @PreAuthorize(Roles.PUBLIC)
    ServiceView service(@PathVariable String code, Locale locale) {
        ServiceDefinition s = catalogue.find(code).orElseThrow(() -> ApiException.notFound("service.notFound", code));
        boolean en = english(locale);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(s.processKey())
                .latestVersion().singleResult();
        JsonNode form = definition == null ? null : forms.localized(forms.startForm(definition.getId()), locale);
        return new ServiceView(code, s.name().in(en), s.kind().name(), s.channel().name(), where(s, en),
                s.legalBasis().stream().map(t -> t.in(en)).toList(), s.conditions().stream().map(t -> t.in(en)).toList(),
                s.materials().stream().map(m -> new MaterialView(m.code(), en ? m.en() : m.zh(), m.required())).toList(),
                statutoryToday(code, s), promisedToday(code, s), s.starterRoles(), s.starterGroups(),
                definition == null ? null : definition.getKey() + ":" + definition.getVersion(), form);
    }

    /** The limits the guide publishes: those in force today (policy parameters), on the platform's clock. */
    private Limit statutoryToday(String code, ServiceDefinition s) {
        return parameters.limitOn(PolicyParameters.statutoryLimit(code), s.statutoryLimit(), today());
    }

    private Limit promisedToday(String code, ServiceDefinition s) {
        return parameters.limitOn(PolicyParameters.promisedLimit(code), s.promisedLimit(), today());
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Operation(summary = "The towns and streets (镇街) of the city")
    @GetMapping("/api/services/districts")
    @PreAuthorize(Roles.PUBLIC)
    List<DistrictView> districts(Locale locale) {
        boolean en = english(locale);
        return identity.districts().stream().map(d -> new DistrictView(d.code(), en ? d.en() : d.name())).toList();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static String where(ServiceDefinition s, boolean en) {
        return s.where() == null ? null : s.where().in(en);
    }
}
