package cn.zs.civil.rating;

import java.util.Arrays;
import java.util.Optional;

/** The five levels of 国办发〔2019〕51号; 1 and 2 are bad ratings (差评) that open a work order. */
public enum RatingLevel {
    VERY_DISSATISFIED(1),
    DISSATISFIED(2),
    BASICALLY_SATISFIED(3),
    SATISFIED(4),
    VERY_SATISFIED(5);

    private final int value;

    RatingLevel(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean bad() {
        return value <= 2;
    }

    public static Optional<RatingLevel> of(int value) {
        return Arrays.stream(values()).filter(l -> l.value == value).findFirst();
    }
}
