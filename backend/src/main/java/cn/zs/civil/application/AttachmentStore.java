package cn.zs.civil.application;

/**
 * Where an uploaded file's sealed bytes live. The metadata (owner, case, name, type, checksum, sealing key) is always
 * the attachment row's; the bytes are in that row ({@code database}, the default) or in a store of the operator's
 * choice ({@code platform.uploads.store}). Each row names the store that holds its bytes, so changing the setting
 * moves nothing and loses nothing: older files stay readable where they are.
 */
interface AttachmentStore {

    /** The name recorded in the row ({@code attachment.content_store}); the database store records none. */
    String name();

    /** Whether the bytes go into the attachment row itself. */
    boolean inRow();

    /** Keeps a file's sealed bytes under its id (durably, before the row that points at them commits). */
    void put(String id, byte[] sealed);

    /** A file's sealed bytes; empty when the store has none under the id. */
    byte[] get(String id);

    /** Removes a file's bytes (nothing when there are none). */
    void delete(String id);
}
