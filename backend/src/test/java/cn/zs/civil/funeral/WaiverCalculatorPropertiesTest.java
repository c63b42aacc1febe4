package cn.zs.civil.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

// Items as the registration forms allow them: a listed code, 0..1000 whole units, a charge of 0..100000.00 yuan.
class WaiverCalculatorPropertiesTest {

    @Property
    void neverWaivesMoreThanWasChargedNorMoreThanTheCap(@ForAll("items") @Size(max = 12) List<Map<String, Object>> items,
            @ForAll("caps") BigDecimal cap) {
        WaiverCalculator.Result result = WaiverCalculator.compute(items, WaiverCalculatorTest.STANDARDS, cap);

        assertThat(result.waived()).isGreaterThanOrEqualTo(BigDecimal.ZERO)
                .isLessThanOrEqualTo(result.charged())
                .isLessThanOrEqualTo(cap);
    }

    @Property
    void neverWaivesMoreForAnItemThanItsChargeOrItsCap(@ForAll("items") @Size(max = 12) List<Map<String, Object>> items) {
        WaiverCalculator.Result result = WaiverCalculator.compute(items, WaiverCalculatorTest.STANDARDS,
                new BigDecimal("1540"));

        for (WaiverCalculator.Line line : result.lines()) {
            assertThat(line.waived()).isLessThanOrEqualTo(line.charge())
                    .isLessThanOrEqualTo(WaiverCalculatorTest.STANDARDS.apply(line.itemCode()).itemCap());
        }
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> items() {
        Arbitrary<String> codes = Arbitraries.of("TRANSPORT", "DISINFECTION", "STORAGE", "FAREWELL_HALL", "CREMATION",
                "URN", "ASH_STORAGE", "OTHER");
        Arbitrary<Integer> quantities = Arbitraries.integers().between(0, 1000);
        Arbitrary<BigDecimal> charges = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000"))
                .ofScale(2);
        return Combinators.combine(codes, quantities, charges)
                .as((code, quantity, charge) -> Map.<String, Object>of("itemCode", code, "quantity", quantity,
                        "charge", charge))
                .list();
    }

    @Provide
    Arbitrary<BigDecimal> caps() {
        return Arbitraries.of(new BigDecimal("1540"), new BigDecimal("2000"));
    }
}
