package cn.zs.civil.application;

import java.time.LocalDate;

import cn.zs.civil.clock.PauseReason;

/**
 * A step the statutory clock does not count started on a case (ALL Art. 45), published in the transaction that
 * starts it: the applicant is to be told in writing how long it will take ({@code expectedDays}, to {@code until}).
 */
public record ExcludedStepStarted(String applicationNo, PauseReason reason, int expectedDays, LocalDate until) {
}
