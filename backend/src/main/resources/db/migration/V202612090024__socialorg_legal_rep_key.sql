-- The keyed hash of the legal representative's ID number (IdNumberKeys) on the register, written when an
-- establishment case registers the organisation: the leader-eligibility check (社团条例 Art. 12, R127) finds another
-- post of the same person by it instead of opening every registered organisation's application. Rows registered
-- before this column are filled the first time the check reads their application.
alter table so_registered_org add column legal_rep_key varchar(64);

create index ix_so_registered_org_rep on so_registered_org (legal_rep_key);
