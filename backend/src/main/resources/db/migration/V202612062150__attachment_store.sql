-- Where an upload's sealed bytes live (application.AttachmentStore): null, in the row's content (the default); or the
-- name of the store that holds them (directory), the row's content then empty.
alter table attachment add content_store varchar(16);
-- The removal of uploads never linked to a case (application.UnlinkedUploads) reads them by age.
create index ix_attachment_unlinked on attachment (application_no, created_at);
