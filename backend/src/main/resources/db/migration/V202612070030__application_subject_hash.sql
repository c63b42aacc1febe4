-- A clerk finds a case in the queue by the subject's full name (the couple's first party, the deceased, the
-- organisation), which is sealed at rest (application.subject_sealed): a keyed hash of the normalised name
-- (platform.hash-key) stands next to it, as the query code's does. Rows written before are given theirs at start-up
-- by application.FormDataSealing, which opens the sealed name.
alter table application add subject_hash char(64);
create index ix_application_subject_hash on application (subject_hash);
