-- A clerk finds a case by the whole name of any person the case names, not only its subject: the couple's second
-- party, the family member who applies for a funeral reimbursement, the agent of a waiver, the legal representative
-- of an organisation, a place-name applicant's contact. One row per name: the keyed hash of the normalised name
-- (platform.hash-key); the names themselves stay sealed in application.form_data. Replaces application.subject_hash
-- (the subject's key is one of these rows); rows written before get theirs at start-up from application.FormDataSealing,
-- which opens the sealed form data.
create table application_name_key (
    application_no varchar(32) not null,
    name_hash      char(64)    not null,
    primary key (application_no, name_hash)
);
create index ix_application_name_key_hash on application_name_key (name_hash);
alter table application drop column subject_hash;
