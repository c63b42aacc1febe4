package cn.zs.civil.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.zs.civil.registry.Registries.Household;

/** Brief §1(e) 5: which places in one household register are a signal of close kinship. */
class KinshipSignalTest {

    private static Optional<Household> in(String household, String relation) {
        return Optional.of(new Household(household, relation));
    }

    @Test
    void bloodRelativesOfTheHeadOfOneHouseholdAreASignalRelativesByMarriageAndOtherHouseholdsAreNot_R50() {
        assertThat(KinshipSignal.between(in("H1", "HEAD"), in("H1", "CHILD"))).as("parent and child").isTrue();
        assertThat(KinshipSignal.between(in("H1", "CHILD"), in("H1", "CHILD"))).as("siblings").isTrue();
        assertThat(KinshipSignal.between(in("H1", "SIBLING"), in("H1", "GRANDCHILD"))).as("great-aunt").isTrue();
        assertThat(KinshipSignal.between(in("H1", "CHILD"), in("H1", "CHILD_IN_LAW"))).as("by marriage").isFalse();
        assertThat(KinshipSignal.between(in("H1", "HEAD"), in("H1", "SPOUSE"))).isFalse();
        assertThat(KinshipSignal.between(in("H1", "HEAD"), in("H1", "OTHER"))).isFalse();
        assertThat(KinshipSignal.between(in("H1", "CHILD"), in("H2", "CHILD"))).as("other households").isFalse();
        assertThat(KinshipSignal.between(in("H1", "CHILD"), Optional.empty())).as("no household data").isFalse();
        assertThat(KinshipSignal.between(Optional.empty(), Optional.empty())).isFalse();
    }
}
