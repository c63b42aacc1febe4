package cn.zs.civil.socialorg;

import static cn.zs.civil.socialorg.NameCheck.Finding.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class NameCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final SocialOrgProperties.Names RULES = new SocialOrgProperties.Names(List.of("中山市", "中山"),
            List.of("第一", "最高", "国家级"), List.of("中国", "全国", "中华", "国际", "世界"),
            List.of("研究会", "促进会", "联合会", "基金会", "服务中心", "协会", "商会", "学会", "中心"), 0.6, 1, 3);
    private static final List<NameCheck.Existing> REGISTER = List.of(
            new NameCheck.Existing("中山市摄影家协会", "ACTIVE", LocalDate.of(2009, 3, 12)),
            new NameCheck.Existing("中山市围棋协会", "CANCELLED", TODAY.minusMonths(4)),
            new NameCheck.Existing("中山市象棋协会", "CANCELLED", TODAY.minusMonths(13)),
            new NameCheck.Existing("中山市集邮协会", "REVOKED", TODAY.minusYears(2)),
            new NameCheck.Existing("中山市书法协会", "REVOKED", TODAY.minusYears(4)));

    private final NameCheck check = new NameCheck(RULES);

    @Test
    void passesAWellFormedNewName() {
        NameCheck.Result result = check.check("中山市无人机运动协会", REGISTER, TODAY);

        assertThat(result.passed()).isTrue();
        assertThat(result.codes()).isEmpty();
    }

    @Test
    void aDuplicateIsWithinTheSameFieldAndOrganisationalFormOnly() {
        // Order No. 69 Art. 16: 摄影家学会 and 摄影家协会 are different forms, so neither duplicates nor near-duplicates.
        assertThat(check.check("中山市摄影家学会", REGISTER, TODAY).passed()).isTrue();
        NameCheck.Result same = check.check("中山摄影家协会", REGISTER, TODAY);
        assertThat(same.findings()).containsExactly(DUPLICATE);
        assertThat(same.similarTo()).isEqualTo("中山市摄影家协会");
    }

    @Test
    void chinaAndChineseAreAllowedAsTheQualifierOfTheSectorOnly() {
        assertThat(check.check("中山市中国象棋协会", REGISTER, TODAY).passed()).isTrue();
        assertThat(check.check("中山市中华文化促进会", REGISTER, TODAY).passed()).isTrue();
        assertThat(check.check("中山市国际象棋协会", REGISTER, TODAY).passed()).isTrue();
        // Qualifying nothing, or claiming national scope in front of the division: still forbidden.
        NameCheck.Result bare = check.check("中山市中华协会", REGISTER, TODAY);
        assertThat(bare.findings()).contains(FORBIDDEN_WORD);
        assertThat(bare.forbiddenWord()).isEqualTo("中华");
        NameCheck.Result national = check.check("中国中山象棋协会", REGISTER, TODAY);
        assertThat(national.findings()).contains(FORBIDDEN_WORD);
        assertThat(national.forbiddenWord()).isEqualTo("中国");
    }

    @Test
    void flagsANearDuplicate() {
        List<NameCheck.Existing> register = List.of(
                new NameCheck.Existing("中山市青年志愿者协会", "ACTIVE", LocalDate.of(2011, 5, 4)));

        NameCheck.Result result = check.check("中山市青年志愿服务协会", register, TODAY);

        assertThat(result.findings()).containsExactly(SIMILAR);
        assertThat(result.similarTo()).isEqualTo("中山市青年志愿者协会");
        assertThat(check.check("中山市青少年足球协会", register, TODAY).passed()).isTrue();
    }

    @Test
    void flagsForbiddenWordsForALocalOrganisation() {
        NameCheck.Result result = check.check("中山市最高水平书画研究会", REGISTER, TODAY);

        assertThat(result.findings()).containsExactly(FORBIDDEN_WORD);
        assertThat(result.forbiddenWord()).isEqualTo("最高");
        assertThat(check.check("中山市第一养老服务中心", REGISTER, TODAY).forbiddenWord()).isEqualTo("第一");
    }

    @Test
    void checksTheStructureDivisionFirstOrganisationalFormLast() {
        assertThat(check.check("广州市摄影研究会", REGISTER, TODAY).findings()).containsExactly(MISSING_DIVISION_PREFIX);
        assertThat(check.check("中山市无人机爱好者", REGISTER, TODAY).findings()).containsExactly(MISSING_ORG_FORM);
    }

    @Test
    void aNameCancelledLessThanAYearAgoOrRevokedLessThanThreeYearsAgoIsStillTaken() {
        assertThat(check.check("中山市围棋协会", REGISTER, TODAY).findings()).containsExactly(DUPLICATE);
        assertThat(check.check("中山市集邮协会", REGISTER, TODAY).findings()).containsExactly(DUPLICATE);
        assertThat(check.check("中山市象棋协会", REGISTER, TODAY).passed()).isTrue();
        assertThat(check.check("中山市书法协会", REGISTER, TODAY).passed()).isTrue();
    }

    @Test
    void creditCodesCarryTheGb32100CheckCharacterAndCertificatesFollowTheLiabilityForm() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, 1};
        for (long serial : new long[] {1, 42, 9_000_007, 12_345_678}) {
            String code = SocialOrgService.creditCode("SOCIAL_GROUP", serial);
            int sum = 0;
            for (int i = 0; i < 18; i++) {
                sum += chars.indexOf(code.charAt(i)) * weights[i];
            }
            assertThat(code).hasSize(18).startsWith("51442000MJ").matches("[0-9A-HJ-NPQRTUWXY]{18}");
            assertThat(sum % 31).as(code).isZero();
            assertThat(cn.zs.civil.registry.CreditCodes.valid(code)).as(code).isTrue();
        }
        assertThat(SocialOrgService.creditCode("PRIVATE_NON_ENTERPRISE", 1)).startsWith("52442000");
        assertThat(SocialOrgService.certificateType("PRIVATE_NON_ENTERPRISE", "PARTNERSHIP")).isEqualTo("PNE_PARTNERSHIP");
        assertThat(SocialOrgService.certificateType("SOCIAL_GROUP", null)).isEqualTo("SOCIAL_GROUP");
    }
}
