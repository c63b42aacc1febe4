-- The SLA report's overdue cases: every running clock with the columns its verdict needs, so the look-up is one
-- index range read (without them MariaDB preferred a full scan of all clocks to 80,000 row look-ups).
create index ix_clock_case_clock_running_cover on clock_case_clock (stopped_at, started_at, statutory_days,
    limit_unit, promised_days, application_no);
