package cn.zs.civil.funeral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The waiver of one case (domain brief §4(c) step 5): per item min(actual charge, unit standard x min(units, max
 * units), item cap); in total at most the cap. At actual cost (an unidentified body, whose fees finance bears), a
 * basic item (one with a standard) is waived in full and there is no cap. The standards come from DMN; this class
 * only does the arithmetic.
 */
final class WaiverCalculator {

    record Standard(BigDecimal unitStandard, BigDecimal maxUnits, BigDecimal itemCap) {
    }

    record Line(String itemCode, BigDecimal quantity, BigDecimal charge, BigDecimal standard, BigDecimal waived) {
    }

    /** @param totalCap null when there is none */
    record Result(List<Line> lines, BigDecimal charged, BigDecimal waived, BigDecimal totalCap) {
    }

    private WaiverCalculator() {
    }

    /**
     * Lines with the same item code are added up before the limits apply, so splitting one service over several
     * lines cannot multiply its cap.
     */
    static Result compute(List<Map<String, Object>> items, Function<String, Standard> standards, BigDecimal totalCap) {
        return compute(items, standards, totalCap, false);
    }

    /** @param totalCap null for no cap */
    static Result compute(List<Map<String, Object>> items, Function<String, Standard> standards, BigDecimal totalCap,
            boolean atActualCost) {
        Map<String, BigDecimal[]> byCode = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            BigDecimal[] sums = byCode.computeIfAbsent(String.valueOf(item.get("itemCode")),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(decimal(item.get("quantity")));
            sums[1] = sums[1].add(decimal(item.get("charge")));
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> item : byCode.entrySet()) {
            String code = item.getKey();
            BigDecimal quantity = item.getValue()[0];
            BigDecimal charge = item.getValue()[1];
            Standard s = standards.apply(code);
            BigDecimal units = quantity.min(s.maxUnits());
            boolean basic = s.itemCap().signum() > 0;
            BigDecimal standard = atActualCost ? (basic ? charge : BigDecimal.ZERO)
                    : s.unitStandard().multiply(units).min(s.itemCap());
            BigDecimal waived = charge.min(standard).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Line(code, quantity, charge, standard.setScale(2, RoundingMode.HALF_UP), waived));
            charged = charged.add(charge);
            sum = sum.add(waived);
        }
        BigDecimal total = (totalCap == null ? sum : sum.min(totalCap)).setScale(2, RoundingMode.HALF_UP);
        return new Result(List.copyOf(lines), charged.setScale(2, RoundingMode.HALF_UP), total, totalCap);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
