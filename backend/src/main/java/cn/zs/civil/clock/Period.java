package cn.zs.civil.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One statutory period: its rule and its length. A due date may be the end of several periods in a row, each
 * starting the day after the previous one ended (a divorce's T2 follows T1's rolled last day).
 */
public record Period(PeriodRule rule, int days) {

    /** Longest stored chain, in characters and in periods: bounds the parse of a stored value. */
    static final int MAX_STORED_LENGTH = 128;
    static final int MAX_PERIODS = 4;

    public Period {
        Objects.requireNonNull(rule, "rule");
        if (days < 0 || days > DayWalk.MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + DayWalk.MAX_DAYS + ": " + days);
        }
    }

    /** {@code DIVORCE_COOLING_OFF:30,DIVORCE_CERTIFICATE_WINDOW:30}; null for no chain. */
    static String store(List<Period> periods) {
        if (periods == null || periods.isEmpty()) {
            return null;
        }
        return String.join(",", periods.stream().map(p -> p.rule().name() + ":" + p.days()).toList());
    }

    static List<Period> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        if (stored.length() > MAX_STORED_LENGTH) {
            throw new IllegalStateException("stored period chain too long: " + stored.length());
        }
        String[] parts = stored.split(",", MAX_PERIODS + 1);
        if (parts.length > MAX_PERIODS) {
            throw new IllegalStateException("stored period chain has more than " + MAX_PERIODS + " periods");
        }
        List<Period> out = new ArrayList<>();
        for (String part : parts) {
            int colon = part.indexOf(':');
            out.add(new Period(PeriodRule.valueOf(part.substring(0, colon)),
                    Integer.parseInt(part.substring(colon + 1))));
        }
        return List.copyOf(out);
    }
}
