package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import cn.zs.civil.support.FixedPlatformDay;

/**
 * The proposed legal representative's eligibility (社团条例 Arts. 12-13, domain brief §2(e)4, R127) and the serious
 * bad-faith list the section chief keeps (Order No. 60, §2(e)7, R154), through HTTP: the reviewer sees the findings,
 * approval is refused while there are any, and the refusal notice states them.
 */
@ExtendWith(FixedPlatformDay.class)
class SocialOrgLeaderEligibilityIT extends ApiTestBase {

    private static final String SERVICE = "socialorg-establishment";

    @Autowired
    private SocialOrgService socialOrgs;

    @BeforeEach
    void registerHoldsTheDemoOrganisations() {
        socialOrgs.seedDemoOrganisations(DemoOrganisations.organisations());
    }

    private String submitAndAccept(String orgType, String name, String legalRepId) {
        return submitAndAccept(orgType, name, legalRepId, Fixtures.promoters(8, legalRepId.hashCode() & 0xfff));
    }

    private Api.Response submit(String orgType, String name, String legalRepId, List<Map<String, Object>> promoters) {
        return submit(orgType, name, legalRepId, promoters, Map.of());
    }

    private Api.Response submit(String orgType, String name, String legalRepId, List<Map<String, Object>> promoters,
            Map<String, Object> more) {
        Api applicant = api().as("zhangsan");
        Map<String, Object> data = new HashMap<>();
        data.put("district", "shiqi");
        data.put("orgType", orgType);
        data.put("proposedName", name);
        data.put("directCategory", "COMMUNITY_SERVICE");
        if ("SOCIAL_GROUP".equals(orgType)) {
            data.put("individualMembers", 80);
            data.put("unitMembers", 0);
            data.put("promoters", promoters);
        } else {
            data.put("liabilityForm", "LEGAL_PERSON");
            data.put("serviceSector", "OTHER");
        }
        data.put("funds", 60000);
        data.put("domicile", "中山市石岐街道民生路8号");
        data.put("purpose", "服务社区居民");
        data.put("businessScope", "活动、培训、交流");
        data.put("legalRepName", "陈立");
        data.put("legalRepIdNumber", legalRepId);
        data.put("phone", "13800138000");
        data.put("charterFile", applicant.upload("charter.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("capitalVerificationFile", applicant.upload("capital.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("domicileProofFile", applicant.upload("domicile.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("declaration", true);
        data.putAll(more);
        return applicant.post("/api/applications", Map.of("serviceCode", SERVICE, "data", data));
    }

    private String submitAndAccept(String orgType, String name, String legalRepId,
            List<Map<String, Object>> promoters) {
        Api.Response r = submit(orgType, name, legalRepId, promoters);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        assertThat(complete(api().as("clerk-socialorg"), no, Map.of("decision", "accept")).status()).isEqualTo(204);
        return no;
    }

    private Api.Response complete(Api who, String no, Map<String, Object> data) {
        String task = taskOf(who, no);
        assertThat(task).as("a task of %s for %s", no, who).isNotNull();
        return who.post("/api/tasks/" + task + "/complete", Map.of("data", data));
    }

    private JsonNode reviewTask(String no) {
        Api clerk = api().as("clerk-socialorg");
        return clerk.get("/api/tasks/" + taskOf(clerk, no)).body();
    }

    /** Review, on-site verification, chief and director approve; the certificate is delivered. */
    private void register(String no) {
        Api clerk = api().as("clerk-socialorg");
        assertThat(complete(clerk, no, Map.of("decision", "approve", "opinion", "符合条件")).status()).isEqualTo(204);
        assertThat(complete(clerk, no, Map.of("verifiedOn", BusinessTime.now().toLocalDate().toString(),
                "siteConforms", "yes", "siteFindings", "住所与申报一致", "secondVerifier", "chief")).status())
                .isEqualTo(204);
        assertThat(complete(api().as("chief"), no, Map.of("chiefDecision", "approve", "chiefOpinion", "同意")).status())
                .isEqualTo(204);
        assertThat(complete(api().as("director"), no, Map.of("decision", "approve")).status()).isEqualTo(204);
        runJobs(no);
    }

    @Test
    void aMinorCannotBeProposedAsLegalRepresentativeAndTheRefusalSaysWhy_R127() {
        String minor = Fixtures.idNumber(BusinessTime.now().toLocalDate().minusYears(17), 601);
        String no = submitAndAccept("SOCIAL_GROUP", "中山市青少年航模运动协会", minor);

        JsonNode review = reviewTask(no);
        assertThat(review.path("checks").path("leaderFindings").asText()).isEqualTo("UNDER_AGE");
        assertThat(review.path("factTexts").path("leaderFindings").asText()).contains("未满18周岁")
                .contains("第十三条");
        // The facts name no person.
        assertThat(review.path("checks").toString()).doesNotContain(minor);

        Api clerk = api().as("clerk-socialorg");
        Api.Response approve = complete(clerk, no, Map.of("decision", "approve", "opinion", "材料齐全"));
        assertThat(approve.status()).isEqualTo(422);
        assertThat(approve.body().path("errors").get(0).path("field").asText()).isEqualTo("decision");
        assertThat(approve.body().toString()).contains("不能准予").contains("未满18周岁");
        Api.Response inEnglish = clerk.inEnglish().post("/api/tasks/" + taskOf(clerk, no) + "/complete",
                Map.of("data", Map.of("decision", "approve", "opinion", "ok")));
        assertThat(inEnglish.status()).isEqualTo(422);
        assertThat(inEnglish.body().toString()).contains("under 18").contains("cannot be approved");

        assertThat(complete(clerk, no, Map.of("decision", "refuse", "refusalGround", "LEADER_INELIGIBLE",
                "opinion", "拟任法定代表人未成年")).status()).isEqualTo(204);
        assertThat(complete(api().as("chief"), no, Map.of("chiefDecision", "refuse", "chiefOpinion", "同意不予登记"))
                .status()).isEqualTo(204);
        assertThat(complete(api().as("director"), no, Map.of("decision", "refuse", "refusalGround", "LEADER_INELIGIBLE",
                "reasons", "拟任法定代表人不具有完全民事行为能力")).status()).isEqualTo(204);
        runJobs(no);
        String decision = clerk.get("/api/socialorg/" + no + "/documents").body().path("decision").asText();
        assertThat(decision).contains("不予登记决定书").contains("审查发现：拟任法定代表人按身份证件出生日期未满18周岁");
    }

    @Test
    void theLegalRepresentativeOfARegisteredGroupCannotLeadASecondOne_R127() {
        String person = Fixtures.idNumber(LocalDate.of(1972, 5, 20), 602);
        String first = submitAndAccept("SOCIAL_GROUP", "中山市社区园艺协会", person);
        assertThat(reviewTask(first).path("factTexts").path("leaderFindings").asText()).isEqualTo("未发现问题");
        register(first);
        // The register keeps the keyed hash of the representative's ID number, never the number.
        assertThat(count("select count(*) from so_registered_org where application_no = ? and legal_rep_key is not null",
                first)).isEqualTo(1);
        assertThat(count("select count(*) from so_registered_org where legal_rep_key = ?", person)).isZero();
        // An organisation registered before the key was kept is found through its application, and keyed from then.
        jdbc.update("update so_registered_org set legal_rep_key = null where application_no = ?", first);

        String second = submitAndAccept("SOCIAL_GROUP", "中山市社区书法协会", person);
        JsonNode review = reviewTask(second);
        assertThat(review.path("checks").path("leaderFindings").asText()).isEqualTo("LEGAL_REP_ELSEWHERE");
        assertThat(review.path("factTexts").path("leaderFindings").asText()).contains("“中山市社区园艺协会”")
                .contains("第十二条");
        Api.Response approve = complete(api().as("clerk-socialorg"), second,
                Map.of("decision", "approve", "opinion", "材料齐全"));
        assertThat(approve.status()).isEqualTo(422);
        assertThat(approve.body().toString()).contains("中山市社区园艺协会");
        assertThat(count("select count(*) from so_registered_org where application_no = ? and legal_rep_key is not null",
                first)).isEqualTo(1);

        // Art. 12 is about social groups: the same person may head a private non-enterprise unit.
        String unit = submitAndAccept("PRIVATE_NON_ENTERPRISE", "中山市社区园艺服务中心", person);
        assertThat(reviewTask(unit).path("checks").path("leaderFindings").asText()).isEmpty();
    }

    @Test
    void theChiefKeepsTheSeriousBadFaithListAndAListedPersonIsNotApproved_R154() {
        String person = Fixtures.idNumber(LocalDate.of(1968, 8, 8), 603);
        Api chief = api().as("chief");
        Map<String, Object> listing = new HashMap<>(Map.of("kind", "PERSON", "name", "王失信", "idNumber", person,
                "reason", "担任法定代表人的社会组织被撤销登记", "listedOn", BusinessTime.now().toLocalDate().toString()));
        // Only the section chief lists; bad input is answered field by field.
        assertThat(api().as("clerk-socialorg").post("/api/socialorg/serious-list", listing).status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(listing);
        bad.put("idNumber", person.substring(0, 17) + (person.charAt(17) == '0' ? "1" : "0"));
        bad.put("listedOn", BusinessTime.now().toLocalDate().plusDays(3).toString());
        bad.remove("reason");
        Api.Response refused = chief.post("/api/socialorg/serious-list", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("idNumber", "listedOn", "reason");
        assertThat(refused.body().toString()).contains("校验码").contains("不能晚于今天");

        Api.Response listed = chief.post("/api/socialorg/serious-list", listing);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        long id = listed.body().path("id").asLong();
        assertThat(chief.post("/api/socialorg/serious-list", listing).status()).isEqualTo(409);
        // Staff read the list with the ID number masked.
        JsonNode list = api().as("clerk-socialorg").get("/api/socialorg/serious-list").body();
        assertThat(list.toString()).contains("王失信").contains("个人").doesNotContain(person);
        assertThat(count("select count(*) from so_serious_list where subject_key like '%" + person + "%'")).isZero();

        String no = submitAndAccept("SOCIAL_GROUP", "中山市社区棋艺协会", person);
        JsonNode review = reviewTask(no);
        assertThat(review.path("checks").path("leaderFindings").asText()).isEqualTo("SERIOUSLY_DISHONEST");
        assertThat(review.path("factTexts").path("leaderFindings").asText()).contains("严重违法失信名单");
        Api clerk = api().as("clerk-socialorg");
        assertThat(complete(clerk, no, Map.of("decision", "approve", "opinion", "材料齐全")).status()).isEqualTo(422);

        // Removed, with the reason and date: the entry stays as history and the approval goes through.
        Api.Response early = chief.post("/api/socialorg/serious-list/" + id + "/removal",
                Map.of("reason", "信用修复", "removedOn", BusinessTime.now().toLocalDate().minusDays(1).toString()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().toString()).contains("移出日期不能早于列入日期");
        Api.Response removed = chief.post("/api/socialorg/serious-list/" + id + "/removal",
                Map.of("reason", "信用修复", "removedOn", BusinessTime.now().toLocalDate().toString()));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.body().path("removedBy").asText()).isEqualTo("chief");
        assertThat(chief.post("/api/socialorg/serious-list/" + id + "/removal",
                Map.of("reason", "再次", "removedOn", BusinessTime.now().toLocalDate().toString())).status())
                .isEqualTo(409);
        assertThat(count("select count(*) from audit_log where action in ('socialorg.seriousList.add',"
                + " 'socialorg.seriousList.remove') and target = ?", "so_serious_list/" + id)).isEqualTo(2);
        assertThat(complete(clerk, no, Map.of("decision", "approve", "opinion", "材料齐全")).status()).isEqualTo(204);
    }

    @Test
    void aListedOrganisationsChangeIsNotApprovedUntilItIsRemoved_R154() {
        String no = submitAndAccept("SOCIAL_GROUP", "中山市社区舞蹈协会",
                Fixtures.idNumber(LocalDate.of(1975, 2, 2), 604));
        register(no);
        String code = api().as("clerk-socialorg").get("/api/socialorg/" + no + "/documents").body().path("creditCode")
                .asText();
        Api chief = api().as("chief");
        Api.Response listed = chief.post("/api/socialorg/serious-list", Map.of("kind", "ORGANISATION",
                "name", "中山市社区舞蹈协会", "creditCode", code, "reason", "受到停止活动的行政处罚",
                "listedOn", BusinessTime.now().toLocalDate().toString()));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(listed.body().path("kindText").asText()).isEqualTo("社会组织");

        Api applicant = api().as("lisi");
        Map<String, Object> change = new HashMap<>(Map.of("district", "dongqu", "organisationName", "中山市社区舞蹈协会",
                "registrationNo", code, "changedItem", "DOMICILE", "oldValue", "中山市石岐街道民生路8号",
                "newValue", "中山市东区街道兴中道2号", "approvedOn", BusinessTime.now().toLocalDate().minusDays(5).toString(),
                "phone", "13900139000", "declaration", true));
        change.put("approvalFile", applicant.upload("doc.pdf", Fixtures.pdf()).body().path("id").asText());
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "socialorg-change", "data", change));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String changeNo = r.body().path("applicationNo").asText();
        runJobs(changeNo);
        Api clerk = api().as("clerk-socialorg");
        assertThat(complete(clerk, changeNo, Map.of("decision", "accept")).status()).isEqualTo(204);
        JsonNode review = clerk.get("/api/tasks/" + taskOf(clerk, changeNo)).body();
        assertThat(review.path("checks").path("onSeriousList").asBoolean()).isTrue();
        Api.Response approve = complete(clerk, changeNo, Map.of("decision", "approve"));
        assertThat(approve.status()).isEqualTo(422);
        assertThat(approve.body().toString()).contains("严重违法失信名单");

        assertThat(chief.post("/api/socialorg/serious-list/" + listed.body().path("id").asLong() + "/removal",
                Map.of("reason", "停止活动期满，信用修复", "removedOn", BusinessTime.now().toLocalDate().toString())).status())
                .isEqualTo(200);
        assertThat(complete(clerk, changeNo, Map.of("decision", "approve")).status()).isEqualTo(204);
    }

    @Test
    void aPrivateSchoolRegistersOnlyWithTheEducationLicence_R112() {
        String rep = Fixtures.idNumber(LocalDate.of(1979, 6, 6), 611);
        // 民非条例 Art. 12: education needs the education bureau's licence first; both its number and the licence.
        Api.Response without = submit("PRIVATE_NON_ENTERPRISE", "中山市启明艺术培训学校", rep, List.of(),
                Map.of("serviceSector", "EDUCATION"));
        assertThat(without.status()).isEqualTo(422);
        assertThat(without.body().path("errors").findValuesAsText("field"))
                .containsExactly("priorLicenceNo", "priorLicenceFile");
        assertThat(without.body().toString()).contains("服务领域为“教育”的民办非企业单位须先取得主管部门的许可证")
                .contains("请上传许可证").doesNotContain("EDUCATION");
        Api.Response noFile = submit("PRIVATE_NON_ENTERPRISE", "中山市启明艺术培训学校", rep, List.of(),
                Map.of("serviceSector", "EDUCATION", "priorLicenceNo", "教民144200070000123号"));
        assertThat(noFile.body().path("errors").findValuesAsText("field")).containsExactly("priorLicenceFile");

        String licence = api().as("zhangsan").upload("licence.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response with = submit("PRIVATE_NON_ENTERPRISE", "中山市启明艺术培训学校", rep, List.of(),
                Map.of("serviceSector", "EDUCATION", "priorLicenceNo", "教民144200070000123号",
                        "priorLicenceFile", licence));
        assertThat(with.status()).as(with.toString()).isEqualTo(201);
        // A sector outside the configured list (elderly care, [M]) needs no licence.
        Api.Response care = submit("PRIVATE_NON_ENTERPRISE", "中山市康乐养老服务中心",
                Fixtures.idNumber(LocalDate.of(1979, 6, 7), 612), List.of(), Map.of("serviceSector", "ELDERLY_CARE"));
        assertThat(care.status()).as(care.toString()).isEqualTo(201);
    }

    @Test
    void aPersonalNameInTheNameNeedsTheConsentAndForASocialGroupAnEminentFigure_R121() {
        String rep = Fixtures.idNumber(LocalDate.of(1975, 8, 8), 621);
        Api.Response bare = submit("SOCIAL_GROUP", "中山市冼星海音乐协会", rep, Fixtures.promoters(8, 621),
                Map.of("personalNameInName", true));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("personalName",
                "personalNameConsentFile", "personalNameEminence");

        // A social service institution needs the consent but no statement of eminence; the consent is for the name
        // the proposed name uses.
        String consent = api().as("zhangsan").upload("consent.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response other = submit("PRIVATE_NON_ENTERPRISE", "中山市李四社会工作服务中心", rep, List.of(),
                Map.of("personalNameInName", true, "personalName", "张三", "personalNameConsentFile", consent));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().path("errors").findValuesAsText("field")).containsExactly("personalName");
        assertThat(other.body().path("errors").get(0).path("message").asText())
                .isEqualTo("拟登记名称“中山市李四社会工作服务中心”中没有“张三”：请填写名称中实际使用的个人姓名，同意书须针对该姓名。");

        consent = api().as("zhangsan").upload("consent.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response ok = submit("PRIVATE_NON_ENTERPRISE", "中山市李四社会工作服务中心", rep, List.of(),
                Map.of("personalNameInName", true, "personalName", "李四", "personalNameConsentFile", consent));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    @Test
    void aSocialGroupNeedsEightPromotersAndNoStateOrgan_R156() {
        String rep = Fixtures.idNumber(LocalDate.of(1980, 4, 4), 605);
        // Seven promoters: refused on submission, naming the minimum; nothing is created.
        Api.Response seven = submit("SOCIAL_GROUP", "中山市社区合唱协会", rep, Fixtures.promoters(7, 605));
        assertThat(seven.status()).isEqualTo(422);
        assertThat(seven.body().path("errors").get(0).path("field").asText()).isEqualTo("promoters");
        assertThat(seven.body().toString()).contains("8名以上发起人").contains("只列了7名");

        // A state organ (GB 32100 "11": 机构编制, 机关) among them, and an ID number whose check digit is wrong.
        List<Map<String, Object>> promoters = new java.util.ArrayList<>(Fixtures.promoters(8, 606));
        String organ = cn.zs.civil.registry.CreditCodes.of("11442000", "00712345");
        promoters.set(2, Map.of("promoterKind", "UNIT", "promoterName", "中山市某局", "promoterCreditCode", organ));
        String wrong = (String) promoters.get(5).get("promoterIdNumber");
        promoters.set(5, Map.of("promoterKind", "INDIVIDUAL", "promoterName", "发起人6", "promoterIdNumber",
                wrong.substring(0, 17) + (wrong.charAt(17) == '1' ? "2" : "1")));
        Api.Response organs = submit("SOCIAL_GROUP", "中山市社区合唱协会", rep, promoters);
        assertThat(organs.status()).isEqualTo(422);
        assertThat(organs.body().path("errors").findValuesAsText("field"))
                .containsExactly("promoters[2].promoterCreditCode", "promoters[5].promoterIdNumber");
        assertThat(organs.body().toString()).contains("第3名发起人“中山市某局”是国家机关").contains("第6名发起人的公民身份号码不正确");

        // A unit that is no state organ may promote; a promoter on the serious list is a finding at review.
        promoters = new java.util.ArrayList<>(Fixtures.promoters(8, 607));
        String company = cn.zs.civil.registry.CreditCodes.of("91442000", "MA4U1234");
        promoters.set(0, Map.of("promoterKind", "UNIT", "promoterName", "中山市合唱器材有限公司", "promoterCreditCode",
                company));
        Api.Response listed = api().as("chief").post("/api/socialorg/serious-list", Map.of("kind", "ORGANISATION",
                "name", "中山市合唱器材有限公司", "creditCode", company, "reason", "被人民法院列为失信被执行人",
                "listedOn", BusinessTime.now().toLocalDate().toString()));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        String no = submitAndAccept("SOCIAL_GROUP", "中山市社区合唱协会", rep, promoters);
        JsonNode review = reviewTask(no);
        assertThat(review.path("checks").path("leaderFindings").asText()).isEqualTo("PROMOTER_SERIOUSLY_DISHONEST");
        assertThat(review.path("checks").path("listedPromoters").asText()).isEqualTo("1");
        assertThat(review.path("factTexts").path("leaderFindings").asText()).isEqualTo(
                "第1名发起人被列入严重违法失信名单（《社会组织信用信息管理办法》）");
        assertThat(complete(api().as("clerk-socialorg"), no, Map.of("decision", "approve", "opinion", "ok")).status())
                .isEqualTo(422);
        assertThat(api().as("chief").post("/api/socialorg/serious-list/" + listed.body().path("id").asLong()
                + "/removal", Map.of("reason", "已履行", "removedOn", BusinessTime.now().toLocalDate().toString()))
                .status()).isEqualTo(200);
    }
}
