package cn.zs.civil.socialorg.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which revocation ground applies to which organisation, and when (社团条例 Art. 29, 民非条例 Art. 24; R151). */
class RevocationsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void fraudForAllNoActivityForGroupsAfterAYearWithdrawalForUnits_R151() {
        assertThat(Revocations.groundProblem("FRAUD", "PRIVATE_NON_ENTERPRISE", TODAY.minusDays(3), TODAY)).isNull();
        assertThat(Revocations.groundProblem("NO_ACTIVITY", "SOCIAL_GROUP", TODAY.minusYears(1), TODAY)).isNull();
        assertThat(Revocations.groundProblem("NO_ACTIVITY", "SOCIAL_GROUP", TODAY.minusYears(1).plusDays(1), TODAY))
                .isEqualTo("socialorg.revocation.noActivityTooEarly");
        assertThat(Revocations.groundProblem("NO_ACTIVITY", "PRIVATE_NON_ENTERPRISE", TODAY.minusYears(3), TODAY))
                .isEqualTo("socialorg.revocation.noActivityGroupsOnly");
        assertThat(Revocations.groundProblem("SUPERVISORY_APPROVAL_WITHDRAWN", "PRIVATE_NON_ENTERPRISE",
                TODAY.minusYears(3), TODAY)).isNull();
        assertThat(Revocations.groundProblem("SUPERVISORY_APPROVAL_WITHDRAWN", "SOCIAL_GROUP", TODAY.minusYears(3),
                TODAY)).isEqualTo("socialorg.revocation.withdrawnUnitsOnly");
        assertThat(Revocations.groundProblem(null, "SOCIAL_GROUP", TODAY, TODAY)).isEqualTo("socialorg.revocation.noGround");
    }
}
