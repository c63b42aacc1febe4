-- Indexes for the managers' reports at millions of cases (bench/reports measures them on MariaDB).
-- Each covers the columns its report reads, so the counting queries are answered from the index alone.

-- Throughput, annual and quality: cases ended in a range, grouped by service, status and outcome.
create index ix_application_decided on application (decided_at, service_code, district, status, outcome, channel);
-- Throughput and annual: applications received in a range.
create index ix_application_received on application (received_at, service_code, district, channel);
-- Step and clerk cycle time, backlog and overdue owners: from an engine task to its case.
create index ix_application_process on application (process_instance_id);
-- Overdue cases: clocks still running.
create index ix_clock_case_clock_running on clock_case_clock (stopped_at, started_at);
