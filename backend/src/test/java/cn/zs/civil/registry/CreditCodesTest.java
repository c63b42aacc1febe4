package cn.zs.civil.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

    /** Published codes (business licences on the national enterprise credit information system). */
    @ParameterizedTest
    @ValueSource(strings = {
            "9144030071526726XG", // 深圳市腾讯计算机系统有限公司: organisation code 71526726-X
            "91330100799655058B", // 阿里巴巴（中国）有限公司: 79965505-8
            "914403001922038216" // 华为技术有限公司: 19220382-1
    })
    void acceptsPublishedCodesWithBothCheckCharacters(String code) {
        assertThat(CreditCodes.valid(code)).isTrue();
        assertThat(CreditCodes.of(code.substring(0, 8), code.substring(8, 16))).isEqualTo(code);
    }

    @Test
    void refusesACodeWhoseOrganisationCodeCheckDigitIsWrongEvenWhenTheLastCharacterFitsIt() {
        // The example: position 18 is right for the 17 before it, position 17 is not GB 11714's.
        assertThat(CreditCodes.check("51442000MJ12345677")).isEqualTo('7');
        assertThat(CreditCodes.valid("51442000MJ12345677")).isFalse();
        assertThat(CreditCodes.organisationCheck("MJ123456")).isNotEqualTo('7');
    }

    @Test
    void refusesWrongLengthsCharactersOutsideGb32100AndAWrongLastCharacter() {
        assertThat(CreditCodes.valid(null)).isFalse();
        assertThat(CreditCodes.valid("9144030071526726X")).isFalse();
        assertThat(CreditCodes.valid("9144030071526726XGG")).isFalse();
        assertThat(CreditCodes.valid("9144030071526726XH")).isFalse();
        assertThat(CreditCodes.valid("9I44030071526726XG")).isFalse();
        assertThat(CreditCodes.valid("9144030071526726xg")).isFalse();
    }
}
