package cn.zs.civil.clock;

import java.time.LocalDate;

/**
 * One statutory holiday of a year's schedule: the days {@code from} to {@code to}, both included, are rest days.
 *
 * @param name the Chinese name as published (e.g. 春节)
 * @param en the English name, may be null
 */
public record Holiday(String name, String en, LocalDate from, LocalDate to) {
}
