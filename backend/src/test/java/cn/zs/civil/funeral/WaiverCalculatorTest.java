package cn.zs.civil.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

// Standards are the demo values of funeral-item-standards.dmn, written out so the arithmetic is checked by hand.
class WaiverCalculatorTest {

    static final Map<String, WaiverCalculator.Standard> DEMO_STANDARDS = Map.of(
            "TRANSPORT", standard("3", "160", "480"),
            "DISINFECTION", standard("90", "1", "90"),
            "STORAGE", standard("80", "3", "240"),
            "FAREWELL_HALL", standard("230", "1", "230"),
            "CREMATION", standard("250", "1", "250"),
            "URN", standard("150", "1", "150"),
            "ASH_STORAGE", standard("50", "2", "100"));
    static final WaiverCalculator.Standard NOT_BASIC = standard("0", "0", "0");
    static final Function<String, WaiverCalculator.Standard> STANDARDS =
            code -> DEMO_STANDARDS.getOrDefault(code, NOT_BASIC);
    private static final BigDecimal CAP = new BigDecimal("1540");

    @Test
    void waivesTheActualChargeWhenItIsBelowTheStandard() {
        WaiverCalculator.Result result = compute(item("CREMATION", 1, "180.50"));

        assertThat(result.waived()).isEqualByComparingTo("180.50");
        assertThat(result.lines().get(0).standard()).isEqualByComparingTo("250.00");
    }

    @Test
    void waivesOnlyTheStandardWhenTheChargeIsHigher() {
        WaiverCalculator.Result result = compute(item("CREMATION", 1, "380"));

        assertThat(result.waived()).isEqualByComparingTo("250.00");
        assertThat(result.charged()).isEqualByComparingTo("380.00");
    }

    @Test
    void addsUpLinesOfTheSameItemBeforeApplyingItsLimits() {
        WaiverCalculator.Result result = compute(item("STORAGE", 3, "240"), item("STORAGE", 3, "240"),
                item("STORAGE", 3, "240"));

        // Nine days split over three lines are still at most 3 days x 80 = 240, not 720.
        assertThat(result.lines()).hasSize(1);
        assertThat(result.waived()).isEqualByComparingTo("240.00");
        assertThat(result.charged()).isEqualByComparingTo("720.00");
    }

    @Test
    void multipliesTheUnitStandardByTheUnitsUsed() {
        WaiverCalculator.Result result = compute(item("TRANSPORT", 35, "200"));

        // 35 km x 3 yuan = 105 of 200.
        assertThat(result.waived()).isEqualByComparingTo("105.00");
    }

    @Test
    void countsNoMoreThanTheMaximumUnits() {
        WaiverCalculator.Result result = compute(item("STORAGE", 5, "400"), item("ASH_STORAGE", 3, "150"));

        // Storage 3 of 5 days x 80 = 240; ash storage 2 of 3 years x 50 = 100.
        assertThat(result.lines()).extracting(WaiverCalculator.Line::waived)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("240"), new BigDecimal("100"));
        assertThat(result.waived()).isEqualByComparingTo("340.00");
    }

    @Test
    void neverWaivesMoreThanTheItemCap() {
        Function<String, WaiverCalculator.Standard> capBelowFullUnits = code -> standard("100", "5", "300");

        WaiverCalculator.Result result = WaiverCalculator.compute(List.of(item("STORAGE", 5, "1000")),
                capBelowFullUnits, CAP);

        assertThat(result.waived()).isEqualByComparingTo("300.00");
        assertThat(result.lines().get(0).standard()).isEqualByComparingTo("300.00");
    }

    @Test
    void waivesNothingForAnItemThatIsNotABasicServiceButCountsItsCharge() {
        WaiverCalculator.Result result = compute(item("OTHER", 1, "880"), item("URN", 1, "150"));

        assertThat(result.lines().get(0).waived()).isEqualByComparingTo("0");
        assertThat(result.waived()).isEqualByComparingTo("150.00");
        assertThat(result.charged()).isEqualByComparingTo("1030.00");
    }

    @Test
    void waivesEveryBasicServiceInFullUpToTheStandardCapOf1540() {
        WaiverCalculator.Result result = compute(item("TRANSPORT", 200, "900"), item("DISINFECTION", 1, "120"),
                item("STORAGE", 4, "400"), item("FAREWELL_HALL", 1, "500"), item("CREMATION", 1, "600"),
                item("URN", 1, "300"), item("ASH_STORAGE", 3, "150"), item("OTHER", 1, "2000"));

        assertThat(result.waived()).isEqualByComparingTo("1540.00");
        assertThat(result.totalCap()).isEqualByComparingTo(CAP);
        assertThat(result.charged()).isEqualByComparingTo("4970.00");
    }

    @Test
    void limitsTheTotalToTheCapWhenTheItemsAddUpToMore() {
        Function<String, WaiverCalculator.Standard> generous = code -> standard("1000", "1", "1000");

        WaiverCalculator.Result result = WaiverCalculator.compute(
                List.of(item("CREMATION", 1, "1000"), item("FAREWELL_HALL", 1, "900")), generous, CAP);

        assertThat(result.lines()).extracting(WaiverCalculator.Line::waived)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000"), new BigDecimal("900"));
        assertThat(result.waived()).isEqualByComparingTo("1540.00");
    }

    @Test
    void usesTheHigherCapOfASpecialGroup() {
        Function<String, WaiverCalculator.Standard> generous = code -> standard("1000", "1", "1000");

        WaiverCalculator.Result result = WaiverCalculator.compute(
                List.of(item("CREMATION", 1, "1000"), item("FAREWELL_HALL", 1, "1200")), generous,
                new BigDecimal("2000"));

        assertThat(result.waived()).isEqualByComparingTo("2000.00");
    }

    @Test
    void roundsLinesAndTotalsHalfUpToTwoDecimals() {
        WaiverCalculator.Result result = compute(item("CREMATION", 1, "99.995"), item("URN", 1, "12.344"));

        assertThat(result.lines().get(0).waived()).isEqualTo(new BigDecimal("100.00"));
        assertThat(result.lines().get(1).waived()).isEqualTo(new BigDecimal("12.34"));
        assertThat(result.waived()).isEqualTo(new BigDecimal("112.34"));
        assertThat(result.charged()).isEqualTo(new BigDecimal("112.34"));
    }

    @Test
    void treatsAMissingQuantityOrChargeAsZero() {
        WaiverCalculator.Result result = WaiverCalculator.compute(List.of(
                Map.of("itemCode", "CREMATION", "charge", "250"),
                Map.of("itemCode", "URN", "quantity", 1)), STANDARDS, CAP);

        assertThat(result.waived()).isEqualByComparingTo("0");
        assertThat(result.charged()).isEqualByComparingTo("250");
    }

    @Test
    void acceptsNumbersAsTheFormsDeliverThem() {
        // Form values arrive as Integer, Double or String once read back from JSON.
        WaiverCalculator.Result result = WaiverCalculator.compute(List.of(
                Map.of("itemCode", "STORAGE", "quantity", 2, "charge", 150.5),
                Map.of("itemCode", "DISINFECTION", "quantity", "1", "charge", "60")), STANDARDS, CAP);

        assertThat(result.waived()).isEqualByComparingTo("210.50");
    }

    @Test
    void waivesNothingForAnEmptyList() {
        WaiverCalculator.Result result = compute();

        assertThat(result.lines()).isEmpty();
        assertThat(result.waived()).isEqualTo(new BigDecimal("0.00"));
        assertThat(result.charged()).isEqualTo(new BigDecimal("0.00"));
    }

    @SafeVarargs
    private static WaiverCalculator.Result compute(Map<String, Object>... items) {
        return WaiverCalculator.compute(List.of(items), STANDARDS, CAP);
    }

    static Map<String, Object> item(String code, int quantity, String charge) {
        return Map.of("itemCode", code, "quantity", quantity, "charge", charge);
    }

    static WaiverCalculator.Standard standard(String unit, String maxUnits, String cap) {
        return new WaiverCalculator.Standard(new BigDecimal(unit), new BigDecimal(maxUnits), new BigDecimal(cap));
    }

    @Test
    void anUnidentifiedBodysBasicItemsAreWaivedAtActualCostWithoutACapAndNonBasicItemsAreNot() {
        WaiverCalculator.Result result = WaiverCalculator.compute(List.of(item("TRANSPORT", 200, "900"),
                item("STORAGE", 10, "1000"), item("CREMATION", 1, "600"), item("OTHER", 1, "880")), STANDARDS, null,
                true);

        assertThat(result.waived()).isEqualByComparingTo("2500");
        assertThat(result.totalCap()).isNull();
        assertThat(result.lines()).filteredOn(l -> l.itemCode().equals("OTHER")).singleElement()
                .satisfies(l -> assertThat(l.waived()).isEqualByComparingTo("0"));
    }
}
