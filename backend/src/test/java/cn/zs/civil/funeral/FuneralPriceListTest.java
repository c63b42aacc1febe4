package cn.zs.civil.funeral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** §4(e)5: the unit price of each invoice line against the government price list. */
class FuneralPriceListTest {

    private final FuneralPriceList prices = new FuneralPriceList(Map.of("TRANSPORT", new BigDecimal("5"),
            "STORAGE", new BigDecimal("80"), "CREMATION", new BigDecimal("400")));

    @Test
    void flagsAnInvoiceLineWhoseUnitPriceIsAboveTheListedPrice_R216() {
        List<FuneralPriceList.OverPrice> over = prices.overPriced(List.of(
                Map.of("itemCode", "TRANSPORT", "quantity", 200, "charge", 1000),  // 5.00 a km: the listed price
                Map.of("itemCode", "STORAGE", "quantity", 3, "charge", 300),       // 100.00 a day: above 80
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", "400.01"), // a cent above
                Map.of("itemCode", "URN", "quantity", 1, "charge", 900),           // no listed price: not checked
                Map.of("itemCode", "OTHER", "quantity", 0, "charge", 50)));
        assertThat(over).containsExactly(
                new FuneralPriceList.OverPrice("STORAGE", new BigDecimal("100.00"), new BigDecimal("80.00")),
                new FuneralPriceList.OverPrice("CREMATION", new BigDecimal("400.01"), new BigDecimal("400.00")));
    }

    @Test
    void checksNothingWithoutAPriceListAndRefusesANegativePrice() {
        assertThat(new FuneralPriceList(null).overPriced(List.of(Map.of("itemCode", "STORAGE", "quantity", 1,
                "charge", 10000)))).isEmpty();
        assertThatThrownBy(() -> new FuneralPriceList(Map.of("URN", new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
