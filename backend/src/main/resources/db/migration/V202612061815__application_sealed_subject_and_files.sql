-- Personal data at rest beyond the form: the subject's name (the deceased, the couple, the organisation) and the
-- uploaded files are sealed with the form data's keys (platform.data-protection.keys). A sealed name is longer than
-- the name, so it moves to a text column; rows written before are sealed at start-up (application.FormDataSealing).
alter table application add subject_sealed longtext;
update application set subject_sealed = subject_name;
alter table application drop column subject_name;
-- The key that sealed a file's content (null: stored before, in plain bytes, until the start-up step seals it).
alter table attachment add content_key varchar(32);
