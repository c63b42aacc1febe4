-- A limit that is the end of several statutory periods in a row (a divorce: Civil Code Art. 1077's T1, then T2 from
-- T1's rolled last day), e.g. 'DIVORCE_COOLING_OFF:30,DIVORCE_CERTIFICATE_WINDOW:30'; null for a single period.
alter table clock_case_clock add column periods varchar(128);
