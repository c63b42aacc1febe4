-- Free text typed by staff and applicants is personal data too (a clerk's note with an ID number and a bank
-- account): the correction notice, the case's event data, the comments and the rating's texts are sealed with the
-- form data's keys (platform.data-protection.keys). A sealed text is longer than the text, so each moves to a text
-- column; rows written before are sealed at start-up (protection.FreeTextSealing). The query code is kept sealed
-- for its applicant and checked by a keyed hash (platform.hash-key); application.FormDataSealing seals old rows.
-- Add, copy, drop and rename: the one way to change a column's type that H2 and MariaDB both accept.
alter table correction_notice add note_sealed longtext;
update correction_notice set note_sealed = note;
alter table correction_notice drop column note;
alter table correction_notice rename column note_sealed to note;

alter table case_comment add body_sealed longtext;
update case_comment set body_sealed = body;
alter table case_comment drop column body;
alter table case_comment rename column body_sealed to body;

alter table service_rating add comment_sealed longtext;
update service_rating set comment_sealed = comment_text;
alter table service_rating drop column comment_text;
alter table service_rating rename column comment_sealed to comment_text;

alter table service_rating add feedback_sealed longtext;
update service_rating set feedback_sealed = feedback_text;
alter table service_rating drop column feedback_text;
alter table service_rating rename column feedback_sealed to feedback_text;

alter table application add query_sealed varchar(255);
update application set query_sealed = query_code;
alter table application drop column query_code;
alter table application rename column query_sealed to query_code;
alter table application add query_hash char(64);
