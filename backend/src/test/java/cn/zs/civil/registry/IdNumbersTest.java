package cn.zs.civil.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Brief §1(e)1: the 18-character resident identity number and its GB 11643 check character. */
class IdNumbersTest {

    @Test
    void idNumberCheckCharacterFollowsGb11643AndTheBirthDateMustExist_R57() {
        // The two examples printed in GB 11643-1999 itself, the first with the check character X (either case).
        assertThat(IdNumbers.valid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.valid("11010519491231002x")).isTrue();
        assertThat(IdNumbers.valid("440524188001010014")).isTrue();
        assertThat(IdNumbers.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
        // One wrong check character, two digits swapped (the sum changes with the weights): refused.
        assertThat(IdNumbers.valid("110105194912310021")).isFalse();
        assertThat(IdNumbers.valid("440524188001010015")).isFalse();
        assertThat(IdNumbers.valid("440524188010010014")).isFalse();
        // A right check character on a birth date that does not exist (29 February 2001): refused; 2000 is a leap year.
        assertThat(IdNumbers.valid("442000200102290011")).isFalse();
        assertThat(IdNumbers.valid("442000200002290014")).isTrue();
        // Not 18 characters, or a letter other than the final X: refused, never an exception.
        assertThat(IdNumbers.valid("44052418800101001")).isFalse();
        assertThat(IdNumbers.valid("4405241880010100141")).isFalse();
        assertThat(IdNumbers.valid("44052418800101001A")).isFalse();
        assertThat(IdNumbers.valid(null)).isFalse();
    }
}
