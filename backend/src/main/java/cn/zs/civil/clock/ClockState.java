package cn.zs.civil.clock;

/** Traffic light of one limit of a case. */
public enum ClockState {
    ON_TIME,
    /** At most {@code platform.clock.yellow-working-days} working days remain (0 on the last day itself). */
    YELLOW,
    /** The last day has passed (or the case was decided after it). */
    RED
}
