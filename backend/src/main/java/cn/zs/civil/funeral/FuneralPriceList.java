package cn.zs.civil.funeral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The government price list of the basic funeral services (domain brief §4(e)5: unit-price checks against the
 * government price list; flag invoices above the published prices [S]): the listed unit price in yuan per service
 * item ({@code platform.funeral.price-list}, per km, day, year or piece as the item counts). An invoice line whose
 * unit price (its charge over its quantity) is above the listed price is flagged to the reviewer; the waiver is
 * computed as before (the brief asks for the flag only). An item without a listed price is not checked.
 */
@ConfigurationProperties("platform.funeral")
public record FuneralPriceList(Map<String, BigDecimal> priceList) {

    /** An invoice line above the price list: its item, its unit price, the listed price. */
    public record OverPrice(String itemCode, BigDecimal unitPrice, BigDecimal listed) {
    }

    public FuneralPriceList {
        priceList = priceList == null ? Map.of() : Map.copyOf(priceList);
        if (priceList.values().stream().anyMatch(p -> p == null || p.signum() < 0)) {
            throw new IllegalArgumentException("platform.funeral.price-list: each listed price is a sum of 0 or more");
        }
    }

    /** The lines of the itemised invoice whose unit price is above the listed price, in the invoice's order. */
    public List<OverPrice> overPriced(List<Map<String, Object>> items) {
        List<OverPrice> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Object code = item.get("itemCode");
            BigDecimal listed = code == null ? null : priceList.get(code.toString());
            BigDecimal quantity = decimal(item.get("quantity"));
            BigDecimal charge = decimal(item.get("charge"));
            if (listed == null || quantity == null || charge == null || quantity.signum() <= 0) {
                continue;
            }
            BigDecimal unit = charge.divide(quantity, 2, RoundingMode.HALF_UP);
            if (unit.compareTo(listed) > 0) {
                out.add(new OverPrice(code.toString(), unit, listed.setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return out;
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
