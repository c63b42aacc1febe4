package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAttachmentStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsReplacesAndRemovesAFileUnderItsIdLeavingNoTemporaryFile() throws Exception {
        DirectoryAttachmentStore store = new DirectoryAttachmentStore(root);
        String id = UUID.randomUUID().toString();
        assertThat(store.get(id)).isEmpty();
        store.put(id, new byte[] {1, 2, 3});
        store.put(id, new byte[] {4, 5});
        assertThat(store.get(id)).containsExactly(4, 5);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(store.path(id));
        }
        store.delete(id);
        store.delete(id);
        assertThat(store.get(id)).isEmpty();
    }

    @Test
    void onlyThePlatformsIdsNameAFile() {
        DirectoryAttachmentStore store = new DirectoryAttachmentStore(root);
        for (String id : new String[] {"../../etc/passwd", "a/b", "", "00000000-0000-0000-0000-00000000000g"}) {
            assertThatThrownBy(() -> store.get(id)).as(id).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
