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

    @Test
    void numbersTypedInGroupsWithSpacesOrDashesAreMaskedToo() {
        Map<String, String> typedAndShown = new java.util.LinkedHashMap<>();
        typedAndShown.put("卡号 6222 0212 3456 7890 123，请核对", "卡号 **** **** **** ***0 123，请核对");
        typedAndShown.put("账户6222-0212-3456-7890-123。", "账户****-****-****-***0-123。");
        typedAndShown.put("Account 6222 0212 3456 7890, thanks", "Account **** **** **** 7890, thanks");
        typedAndShown.put("身份证 440101 19900101 1234 已核", "身份证 4401** ******** 1234 已核");
        typedAndShown.put("身份证 4420 0019 5206 2051 5x", "身份证 4420 **** **** **51 5x");
        typedAndShown.put("ID 440101-19900101-1234 and card 6222020000123456789",
                "ID 4401**-********-1234 and card ***************6789");
        // Two numbers in one run of groups are two numbers.
        typedAndShown.put("号码 6222 0212 3456 7890 123 440101199001011234",
                "号码 **** **** **** ***0 123 4401**********1234");
        typedAndShown.forEach((typed, shown) -> assertThat(Masking.numbersIn(typed, Set.of())).isEqualTo(shown));
    }

    @Test
    void theReadersOwnNumberIsKeptHoweverItIsGrouped() {
        Set<String> own = Masking.numbersOf(List.of("6222 0212 3456 7890 123", Map.of("idNumber", "440101199001011234")));
        assertThat(own).containsExactly("440101199001011234", "6222021234567890123");
        assertThat(Masking.numbersIn("您的账户 6222-0212-3456-7890-123 与身份证 440101 19900101 1234；他人 6222 0299 8877 6655",
                own)).isEqualTo("您的账户 6222-0212-3456-7890-123 与身份证 440101 19900101 1234；他人 **** **** **** 6655");
    }

    @Test
    void datesPhonesCodesAndAmountsInGroupsStayAsTheyAre() {
        String text = "日期 2026-01-16 至 2026-05-14，2026-01-16 2026-05-14；电话 138-1234-5678、13800138000 2026年；"
                + "编号 BZB-20261128-0007，SO-2026-000123-4567；金额 1 234 567.50 元；门牌 12-3-401";
        assertThat(Masking.numbersIn(text, Set.of())).isEqualTo(text);
    }
}
