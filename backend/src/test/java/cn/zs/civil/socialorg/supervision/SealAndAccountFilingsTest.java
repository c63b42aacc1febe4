package cn.zs.civil.socialorg.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The due day of the seal-and-account filing: only where the bureau sets a period (R141). */
class SealAndAccountFilingsTest {

    @Test
    void isDueThatManyDaysAfterRegistrationOnlyWhenAPeriodIsSet_R141() {
        LocalDate registered = LocalDate.of(2026, 3, 2);
        assertThat(SealAndAccountFilings.dueBy(registered, 30)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(SealAndAccountFilings.dueBy(registered, 0)).isNull();
        assertThat(SealAndAccountFilings.dueBy(null, 30)).isNull();
    }
}
