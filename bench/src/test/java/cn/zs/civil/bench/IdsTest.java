package cn.zs.civil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The synthetic residents must pass the platform's identity-number check and never repeat within a run. */
class IdsTest {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    @Test
    void numbersHaveAValidCheckDigitTheRightSexAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 200_000; n += 7) {
            for (boolean male : new boolean[] {true, false}) {
                String id = Ids.id(n, male);
                assertThat(id).matches("442000(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9X]");
                int sum = 0;
                for (int i = 0; i < 17; i++) {
                    sum += (id.charAt(i) - '0') * WEIGHTS[i];
                }
                assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
                assertThat(Ids.male(id)).isEqualTo(male);
                assertThat(seen.add(id)).as(id).isTrue();
            }
        }
        assertThat(Ids.id(3_000_000, true)).isNotEqualTo(Ids.id(0, true));
    }

    @Test
    void theRegistryStubAndTheApplicationAgreeOnTheName() {
        String id = Ids.id(42, false);
        assertThat(Ids.name(id)).startsWith("陈").hasSize(8);
        assertThat(Ids.deathCertificate(id)).matches("[A-Za-z0-9\\-]{4,40}");
    }
}
