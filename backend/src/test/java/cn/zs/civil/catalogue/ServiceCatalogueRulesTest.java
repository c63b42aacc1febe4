package cn.zs.civil.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import cn.zs.civil.catalogue.ServiceCatalogue.Kind;
import cn.zs.civil.catalogue.ServiceCatalogue.Limit;
import cn.zs.civil.catalogue.ServiceCatalogue.Material;
import cn.zs.civil.catalogue.ServiceCatalogue.ServiceDefinition;
import cn.zs.civil.catalogue.ServiceCatalogue.Text;
import cn.zs.civil.catalogue.ServiceCatalogue.Unit;

/** The published service guide (catalogue.yml) as the application binds it at start-up. */
class ServiceCatalogueRulesTest {

    private static ServiceCatalogue bind(org.springframework.core.io.Resource yml) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("catalogue", yml)) {
            environment.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment)).bind("platform", ServiceCatalogue.class)
                .get();
    }

    private static ServiceCatalogue shipped() throws IOException {
        return bind(new ClassPathResource("catalogue.yml"));
    }

    private static ServiceCatalogue oneService(String limits) throws IOException {
        String yml = """
                platform:
                  services:
                    placename-approval:
                      process-key: placename-approval
                      name: {zh: 地名命名、更名审批, en: Place-name approval}
                      kind: PROMISED
                """ + limits;
        return bind(new ByteArrayResource(yml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<String> materials(ServiceDefinition service) {
        return service.materials().stream().map(Material::code).toList();
    }

    @Test
    void aPromisedLimitAboveTheStatutoryLimitIsRefusedAtStartUp_R26() throws IOException {
        // Every shipped service binds, so each promises no more than the law allows.
        assertThat(shipped().services()).isNotEmpty();
        assertThat(oneService("""
                      statutory-limit: {days: 20, unit: WORKING}
                      promised-limit: {days: 15, unit: WORKING}
                """).find("placename-approval").orElseThrow().promisedLimit().days()).isEqualTo(15);
        assertThatThrownBy(() -> oneService("""
                      statutory-limit: {days: 20, unit: WORKING}
                      promised-limit: {days: 25, unit: WORKING}
                """)).isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("platform.services.placename-approval.promised-limit 25 WORKING days exceeds")
                .hasMessageContaining("statutory limit of 20 WORKING days");
        // 20 working days are never fewer than 20 calendar days; 20 working days may well exceed 20 calendar days.
        assertThat(ServiceCatalogue.withinStatutoryLimit(new Limit(20, Unit.CALENDAR), new Limit(20, Unit.WORKING)))
                .isTrue();
        assertThatThrownBy(() -> oneService("""
                      statutory-limit: {days: 20, unit: CALENDAR}
                      promised-limit: {days: 20, unit: WORKING}
                """)).isInstanceOf(BindException.class);
    }

    @Test
    void everyServiceIsPublishedAsImmediateOrPromised_R27() throws IOException {
        ServiceCatalogue catalogue = shipped();
        assertThat(catalogue.find("marriage-registration").orElseThrow().kind()).isEqualTo(Kind.IMMEDIATE);
        assertThat(catalogue.find("placename-approval").orElseThrow().kind()).isEqualTo(Kind.PROMISED);
        assertThat(catalogue.services().values()).allSatisfy(s -> assertThat(s.kind()).isNotNull());
        ServiceDefinition untagged = new ServiceDefinition("placename-approval", "DM", new Text("地名", "Names"), null,
                null, null, null, null, null, null, null, null, null, null, false, null, null);
        assertThatThrownBy(() -> new ServiceCatalogue(Map.of("placename-approval", untagged)))
                .hasMessageContaining("platform.services.placename-approval.kind is missing");
    }

    @Test
    void theGuidePublishesBasisConditionsMaterialsLimitsAndWhereInBothLanguages_R2() throws IOException {
        assertThat(shipped().services()).allSatisfy((code, s) -> {
            assertThat(List.of(s.name())).as(code).allSatisfy(ServiceCatalogueRulesTest::bilingual);
            assertThat(s.legalBasis()).as(code).isNotEmpty().allSatisfy(ServiceCatalogueRulesTest::bilingual);
            assertThat(s.conditions()).as(code).isNotEmpty().allSatisfy(ServiceCatalogueRulesTest::bilingual);
            assertThat(s.materials()).as(code).isNotEmpty()
                    .allSatisfy(m -> bilingual(new Text(m.zh(), m.en())));
            assertThat(s.statutoryLimit()).as(code).isNotNull();
            assertThat(s.promisedLimit()).as(code).isNotNull();
            bilingual(s.where());
        });
    }

    private static void bilingual(Text text) {
        assertThat(text).isNotNull();
        assertThat(text.zh()).isNotBlank();
        assertThat(text.en()).isNotBlank();
    }

    @Test
    void marriageRegistrationIsFreeOfChargeWithNoFeeStep_R52() throws IOException {
        ServiceDefinition marriage = shipped().find("marriage-registration").orElseThrow();
        assertThat(marriage.conditions()).anySatisfy(c -> {
            assertThat(c.zh()).contains("免费");
            assertThat(c.en()).contains("free of charge");
        });
        try (InputStream bpmn = new ClassPathResource("processes/marriage/marriage-registration.bpmn").getInputStream()) {
            assertThat(Bpmn.readModelFromStream(bpmn).getModelElementsByType(FlowElement.class))
                    .extracting(FlowElement::getName).isNotEmpty()
                    .noneMatch(name -> name != null && name.matches(".*(费|缴|支付|收款).*"));
        }
    }

    @Test
    void marriageNeedsTheIdCardsTheSignedDeclarationAndThreeJointTwoInchPhotosButNoHouseholdRegister_R54_R82()
            throws IOException {
        ServiceDefinition marriage = shipped().find("marriage-registration").orElseThrow();
        assertThat(materials(marriage)).containsExactly("id-card", "declaration", "photos");
        assertThat(marriage.materials()).noneMatch(m -> m.zh().contains("户口"))
                .allMatch(Material::required);
        Material photos = marriage.materials().get(2);
        assertThat(photos.zh()).contains("合影", "2寸", "3张");
        assertThat(photos.en()).contains("3 ", "two-inch", "joint");
    }

    @Test
    void divorceNeedsTwoSingleTwoInchPhotosOfEachParty_R109() throws IOException {
        ServiceDefinition divorce = shipped().find("divorce-registration").orElseThrow();
        assertThat(materials(divorce)).contains("id-card", "marriage-certificate", "agreement", "photos");
        Material photos = divorce.materials().stream().filter(m -> m.code().equals("photos")).findFirst()
                .orElseThrow();
        assertThat(photos.required()).isTrue();
        assertThat(photos.zh()).contains("单人", "2寸", "各", "2张");
        assertThat(photos.en()).contains("2 ", "two-inch", "single", "each party");
    }
}
