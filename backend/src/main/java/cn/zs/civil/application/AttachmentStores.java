package cn.zs.civil.application;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store new uploads go to ({@code platform.uploads.store}: {@code database} or {@code directory}), and the
 * directory store whenever a directory is configured, so that rows written under an earlier setting stay readable.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentStores {

    @Bean
    Stores uploadStores(@Value("${platform.uploads.store:database}") String store,
            @Value("${platform.uploads.directory:}") String directory) {
        DirectoryAttachmentStore files = directory.isBlank() ? null : new DirectoryAttachmentStore(Path.of(directory));
        AttachmentStore current = switch (store.strip()) {
            case "database" -> Stores.DATABASE;
            case DirectoryAttachmentStore.NAME -> {
                if (files == null) {
                    throw new IllegalStateException("platform.uploads.store=directory needs platform.uploads.directory "
                            + "(UPLOAD_DIRECTORY): the directory, shared by every node, where the sealed files go");
                }
                yield files;
            }
            default -> throw new IllegalStateException("platform.uploads.store is '" + store + "'; it is database or "
                    + "directory");
        };
        return new Stores(current, files);
    }

    /** The store for new files, and the store a row names. */
    record Stores(AttachmentStore current, DirectoryAttachmentStore directory) {

        /** The bytes in the attachment row itself. */
        static final AttachmentStore DATABASE = new AttachmentStore() {
            @Override
            public String name() {
                return null;
            }

            @Override
            public boolean inRow() {
                return true;
            }

            @Override
            public void put(String id, byte[] sealed) {
                // Written with the row.
            }

            @Override
            public byte[] get(String id) {
                throw new UnsupportedOperationException("read from the row");
            }

            @Override
            public void delete(String id) {
                // Removed with the row.
            }
        };

        AttachmentStore of(String name) {
            if (name == null) {
                return DATABASE;
            }
            if (DirectoryAttachmentStore.NAME.equals(name) && directory != null) {
                return directory;
            }
            throw new IllegalStateException("An upload is kept in the '" + name + "' store, which is not configured "
                    + "(platform.uploads.directory)");
        }
    }
}
