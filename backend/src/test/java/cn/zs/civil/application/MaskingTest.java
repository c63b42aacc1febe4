package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** ID and bank account numbers typed into free text, masked for a reader who need not see them. */
class MaskingTest {

    @Test
    void idAndAccountNumbersInFreeTextAreMaskedButTheReadersOwn() {
        String text = "身份证 44200019520620515x，账户 6222029988776655443；本人账户 6222020000123456789。"
                + "电话 13800138000，编号 BZB-20261128-0007，金额 1234567.50，日期 20261206";
        Set<String> own = Masking.numbersOf(List.of(Map.of("bankAccount", "6222020000123456789",
                "people", List.of(Map.of("idNumber", "440101199001011234")))));
        assertThat(own).containsExactly("440101199001011234", "6222020000123456789");
        assertThat(Masking.numbersIn(text, own)).isEqualTo("身份证 4420**********515x，账户 ***************5443；"
                + "本人账户 6222020000123456789。电话 13800138000，编号 BZB-20261128-0007，金额 1234567.50，日期 20261206");
        assertThat(Masking.numbersIn("号码440101199001011234与", Set.of())).isEqualTo("号码4401**********1234与");
        assertThat(Masking.numbersIn("x6222029988776655443", Set.of())).isEqualTo("x6222029988776655443");
        assertThat(Masking.numbersIn(null, Set.of())).isNull();
        assertThat(Masking.numbersIn("$1 \\ 6222029988776655443", Set.of())).isEqualTo("$1 \\ ***************5443");
    }
}
