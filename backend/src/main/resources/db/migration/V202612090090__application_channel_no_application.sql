-- The case's channel says how it reached the bureau (application.CaseChannel): ONLINE, BOOKED (booked online,
-- handled at the counter), COUNTER (a walk-in) or NO_APPLICATION (免申即享). The funeral home's direct waiver is
-- never applied for: the staff register it while the family arranges the cremation, so its cases recorded before
-- this value existed were granted without an application too. Booked counter cases before appointments cannot be
-- told apart and stay COUNTER.
update application set channel = 'NO_APPLICATION' where service_code = 'funeral-fee-waiver' and channel = 'COUNTER';
