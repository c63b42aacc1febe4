-- The audit chain is keyed: each entry's row_hash is an HMAC-SHA256 under a key from the configuration
-- (platform.audit.keys, never in the database), and key_id names that key so the keys can be rotated. Entries sealed
-- before this (key_id null) keep their SHA-256; they are held in place by the first keyed entry, whose MAC covers
-- the link to them, and no unkeyed entry may follow a keyed one.
alter table audit_log add key_id varchar(32);
