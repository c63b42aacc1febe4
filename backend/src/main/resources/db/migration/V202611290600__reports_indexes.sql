-- Indexes for the managers' reports at millions of cases (bench/reports measures them on MariaDB).
-- Each covers every column its report reads, so a year of cases is a range scan of one index and no row look-ups
-- (without application_no in them, MariaDB prefers a full table scan to 100,000 look-ups).

-- Throughput, annual, quality, cycle time and SLA: cases ended in a range, by service, status and outcome.
create index ix_application_decided on application (decided_at, service_code, district, status, outcome, channel,
    received_at, application_no);
-- Throughput, annual and quality: applications received in a range (application_no for the cross-city join).
create index ix_application_received on application (received_at, service_code, district, channel, application_no);
-- Step and clerk cycle time, backlog and overdue owners: from an engine task to its case.
create index ix_application_process on application (process_instance_id);
-- Overdue cases: clocks still running.
create index ix_clock_case_clock_running on clock_case_clock (stopped_at, started_at);
