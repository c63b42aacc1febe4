package cn.zs.civil.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.problem.FieldProblem;

/** The server-side checks of form-js forms, on the deployed forms themselves. */
class FormValidatorTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final FormParser parser = new FormParser(new ObjectMapper());
    private final FormValidator validator = new FormValidator(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private FormDefinition form(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "forms", path))) {
            return parser.parse(in);
        }
    }

    private static List<String> fields(ValidatedForm checked) {
        return checked.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aRowsConditionReadsTheRowAsThisLikeTheBrowser() throws IOException {
        // form-js gives a dynamic list's row to its conditions as `this` (the form's top-level data is the rest):
        // the promoter's ID number shows for an individual, the credit code for a unit, and so they are required.
        FormDefinition apply = form("socialorg/socialorg-establishment-apply.form");
        Map<String, Object> individual = Map.of("promoterKind", "INDIVIDUAL", "promoterName", "发起人");
        Map<String, Object> unit = Map.of("promoterKind", "UNIT", "promoterName", "中山市某某有限公司");
        ValidatedForm checked = validator.validate(apply, Map.of("orgType", "SOCIAL_GROUP",
                "promoters", List.of(individual, unit)), ZH);
        assertThat(fields(checked)).contains("promoters[0].promoterIdNumber", "promoters[1].promoterCreditCode")
                .doesNotContain("promoters[0].promoterCreditCode", "promoters[1].promoterIdNumber");
    }

    @Test
    void hiddenFieldsAreNeitherRequiredNorKept() throws IOException {
        FormDefinition review = form("funeral/funeral-reimbursement-review.form");
        ValidatedForm approve = validator.validate(review,
                Map.of("decision", "approve", "invoiceChecked", true, "reasons", "ignored"), ZH);
        assertThat(approve.valid()).isTrue();
        assertThat(approve.values()).doesNotContainKey("reasons");
        assertThat(approve.engineVariables()).containsEntry("decision", "approve");

        ValidatedForm reject = validator.validate(review, Map.of("decision", "reject", "invoiceChecked", true), ZH);
        assertThat(fields(reject)).containsExactly("reasons");
    }

    @Test
    void everyFindingIsReportedAtOnceInTheReadersLanguage() throws IOException {
        FormDefinition apply = form("funeral/funeral-reimbursement-apply.form");
        Map<String, Object> data = new HashMap<>();
        data.put("deceasedIdNumber", "12345");
        data.put("relationship", "NEIGHBOUR");
        data.put("declaration", false);
        data.put("phone", 13800138000L);
        data.put("bankAccount", "6222\u0007020000123456789");
        data.put("items", List.of(Map.of("itemCode", "CREMATION", "quantity", 1.5, "charge", -1)));
        data.put("smuggled", "x");
        ValidatedForm checked = validator.validate(apply, data, ZH);
        assertThat(fields(checked)).contains("deceasedName", "deceasedIdNumber", "relationship", "declaration", "phone",
                "bankAccount", "items[0].quantity", "items[0].charge", "smuggled", "cremationCertificateFile");
        assertThat(checked.problems()).filteredOn(p -> p.field().equals("declaration")).extracting(FieldProblem::message)
                .containsExactly("请勾选“本人承诺所填信息及所附材料真实有效”。");
        ValidatedForm english = validator.validate(apply, Map.of("relationship", "NEIGHBOUR"), Locale.ENGLISH);
        assertThat(english.problems()).filteredOn(p -> p.field().equals("relationship"))
                .extracting(FieldProblem::message).containsExactly("\"Relationship to the deceased\" is not one of the options.");
    }

    @Test
    void textIsBoundedEvenWhereTheFormSetsNoLimit() throws IOException {
        FormDefinition form = parser.parse(new ByteArrayInputStream("""
                {"id":"t","type":"default","components":[{"type":"textfield","key":"note","label":"备注"},
                 {"type":"textarea","key":"long","label":"说明"}]}""".getBytes(StandardCharsets.UTF_8)));
        ValidatedForm checked = validator.validate(form, Map.of("note", "字".repeat(FormValidator.DEFAULT_TEXTFIELD_MAX + 1),
                "long", "${jndi:ldap://x} <script>alert(1)</script> ' or 1=1 --"), ZH);
        assertThat(fields(checked)).containsExactly("note");
        // Expressions, scripts and SQL fragments are kept as the inert text they are.
        assertThat(checked.values()).doesNotContainKey("note");
        ValidatedForm ok = validator.validate(form, Map.of("long", "${1+1}"), ZH);
        assertThat(ok.values()).containsEntry("long", "${1+1}");
    }

    @Test
    void fourByteCharactersCountAsOneCharacter() throws IOException {
        FormDefinition form = parser.parse(new ByteArrayInputStream("""
                {"id":"t","type":"default","components":[{"type":"textfield","key":"name","label":"姓名",
                 "validate":{"maxLength":2}}]}""".getBytes(StandardCharsets.UTF_8)));
        assertThat(validator.validate(form, Map.of("name", "𠮷林"), ZH).valid()).isTrue();
    }

    private static Map<String, Object> registration() {
        Map<String, Object> review = new HashMap<>();
        review.put("counselling", "declined");
        review.put("decision", "register");
        review.put("declarationSignedA", true);
        review.put("declarationSignedB", true);
        return review;
    }

    @Test
    void registeringNeedsEachPartysDeclarationSignedBeforeTheRegistrar_R62() throws IOException {
        FormDefinition review = form("marriage/marriage-review.form");
        assertThat(validator.validate(review, registration(), ZH).valid()).isTrue();
        Map<String, Object> unsigned = registration();
        unsigned.put("declarationSignedB", false);
        assertThat(fields(validator.validate(review, unsigned, ZH))).containsExactly("declarationSignedB");
        unsigned.remove("declarationSignedA");
        assertThat(fields(validator.validate(review, unsigned, ZH)))
                .containsExactlyInAnyOrder("declarationSignedA", "declarationSignedB");
    }

    @Test
    void prohibitedKinshipIsAGroundOfRefusalGivenWithReasons_R49() throws IOException {
        // The parties declare before the registrar that they are not related within the prohibited degrees (R62);
        // where the registrar finds they are, the marriage is refused on that ground with written reasons.
        FormDefinition review = form("marriage/marriage-review.form");
        Map<String, Object> refusal = new HashMap<>(Map.of("counselling", "declined", "decision", "refuse",
                "refusalGround", "PROHIBITED_KINSHIP"));
        assertThat(fields(validator.validate(review, refusal, ZH))).containsExactly("reasons");
        refusal.put("reasons", "双方系三代以内旁系血亲");
        ValidatedForm refused = validator.validate(review, refusal, ZH);
        assertThat(refused.valid()).isTrue();
        assertThat(refused.engineVariables()).containsEntry("decision", "refuse");
        assertThat(refused.values()).containsEntry("refusalGround", "PROHIBITED_KINSHIP");
    }

    @Test
    void counsellingIsOfferedButDecliningItDoesNotStopTheRegistration_R61() throws IOException {
        FormDefinition review = form("marriage/marriage-review.form");
        Map<String, Object> notOffered = registration();
        notOffered.remove("counselling");
        assertThat(fields(validator.validate(review, notOffered, ZH))).containsExactly("counselling");
        for (String answer : List.of("declined", "accepted")) {
            Map<String, Object> offered = registration();
            offered.put("counselling", answer);
            assertThat(validator.validate(review, offered, ZH).valid()).as(answer).isTrue();
        }
    }

    @Test
    void retroactiveRegistrationAndRemarriageAreRecordedAsSuchOnTheSameProcedure_R74() throws IOException {
        // Brief §1(c-1): 补办 and 复婚 follow the marriage procedure; the check-in records which it is.
        FormDefinition checkIn = form("marriage/marriage-checkin.form");
        for (String variant : List.of("MARRIAGE", "RETROACTIVE", "REMARRIAGE")) {
            ValidatedForm checked = validator.validate(checkIn, Map.of("registrationVariant", variant), ZH);
            assertThat(fields(checked)).as(variant).doesNotContain("registrationVariant");
            assertThat(checked.values()).containsEntry("registrationVariant", variant);
        }
        assertThat(fields(validator.validate(checkIn, Map.of("registrationVariant", "REPLACEMENT"), ZH)))
                .contains("registrationVariant");
        assertThat(fields(validator.validate(checkIn, Map.of(), ZH))).doesNotContain("registrationVariant");
    }

    @Test
    void theCertificateCeremonyIsTheCouplesChoice_R68() throws IOException {
        FormDefinition issue = form("marriage/marriage-issue.form");
        Map<String, Object> handed = new HashMap<>(Map.of("bothSigned", true, "certificatesHanded", true));
        assertThat(validator.validate(issue, handed, ZH).valid()).isTrue();
        handed.put("ceremony", true);
        assertThat(validator.validate(issue, handed, ZH).valid()).isTrue();
    }

    @Test
    void aLostMarriageCertificateNeedsAWrittenDeclarationAndBothLostTheSealedArchiveCopy_R87() throws IOException {
        FormDefinition apply = form("marriage/divorce-apply.form");
        assertThat(fields(validator.validate(apply, Map.of("certificatesPresent", "BOTH"), ZH)))
                .doesNotContain("lossDeclared", "archiveCopyProvided");
        assertThat(fields(validator.validate(apply, Map.of("certificatesPresent", "ONE_LOST"), ZH)))
                .contains("lossDeclared").doesNotContain("archiveCopyProvided");
        assertThat(fields(validator.validate(apply, Map.of("certificatesPresent", "BOTH_LOST"), ZH)))
                .contains("lossDeclared", "archiveCopyProvided");
        assertThat(fields(validator.validate(apply, Map.of("certificatesPresent", "BOTH_LOST", "lossDeclared", true,
                "archiveCopyProvided", true), ZH))).doesNotContain("lossDeclared", "archiveCopyProvided");
    }

    @Test
    void aRenamingStatesItsReasonFromTheLawsList_R168() throws IOException {
        FormDefinition apply = form("placename/placename-apply.form");
        assertThat(fields(validator.validate(apply, Map.of("applicationType", "NAMING"), ZH)))
                .doesNotContain("renamingReason", "currentName");
        assertThat(fields(validator.validate(apply, Map.of("applicationType", "RENAMING"), ZH)))
                .contains("renamingReason", "currentName");
        assertThat(fields(validator.validate(apply, Map.of("applicationType", "RENAMING", "renamingReason",
                "THE_MAYOR_LIKES_IT"), ZH))).contains("renamingReason");
        assertThat(fields(validator.validate(apply, Map.of("applicationType", "RENAMING", "renamingReason",
                "URBAN_CONSTRUCTION", "currentName", "兴中道"), ZH))).doesNotContain("renamingReason", "currentName");
    }

    @Test
    void wrongTypesAreFindingsNotErrors() throws IOException {
        FormDefinition apply = form("funeral/funeral-reimbursement-apply.form");
        Map<String, Object> data = new HashMap<>();
        data.put("items", "not a list");
        data.put("dateOfDeath", "2026-02-30");
        data.put("declaration", "yes");
        data.put("invoiceFile", List.of(42));
        ValidatedForm checked = validator.validate(apply, data, ZH);
        assertThat(fields(checked)).contains("items", "dateOfDeath", "declaration", "invoiceFile");
    }
}
