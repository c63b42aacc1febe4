/**
 * Managers' reports (科长、局领导): annual statistics, throughput, cycle time and SLA compliance, over the
 * platform's own tables. Counting happens in the mapper's SQL (portable between H2 and MySQL/MariaDB); what the
 * databases disagree on (calendar buckets, working days, percentiles) is done in Java over narrow results.
 *
 * <p>A manager whose districts are not {@code *} sees only the rows of their districts; every report answers in
 * JSON, or in CSV (UTF-8 with a BOM, for Excel) when the caller sends {@code Accept: text/csv}.
 */
package cn.zs.civil.reports;
