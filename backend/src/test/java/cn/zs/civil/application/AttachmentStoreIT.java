package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * Uploads' bytes in the store the operator chose (application.AttachmentStore), and the removal of uploads no form
 * ever referenced (application.UnlinkedUploads), on the real database of the suite.
 */
class AttachmentStoreIT extends ApiTestBase {

    @Autowired
    ApplicationMapper mapper;
    @Autowired
    Attachments.UploadProperties uploadProperties;
    @Autowired
    MessageSource messages;
    @Autowired
    DataCipher cipher;
    @Autowired
    AttachmentStores.Stores stores;
    @Autowired
    UnlinkedUploads unlinkedUploads;

    @TempDir
    Path directory;

    @Test
    void theDirectoryStoreKeepsOnlySealedBytesOnDiskAndTheRowNamesIt() throws Exception {
        DirectoryAttachmentStore files = new DirectoryAttachmentStore(directory);
        AttachmentStores.Stores onDisk = new AttachmentStores.Stores(files, files);
        Attachments attachments = new Attachments(mapper, uploadProperties, messages, cipher, onDisk);
        PlatformUser applicant = new PlatformUser("zhangsan", "张三", Set.of("applicant"), Set.of(), Set.of());

        AttachmentRow row = attachments.store(applicant, "死亡证明.pdf", Fixtures.pdf());

        Path file = files.path(row.id());
        assertThat(file).exists();
        String onDiskText = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(onDiskText).doesNotContain("%PDF");
        assertThat(jdbc.queryForObject("select content_store from attachment where id = ?", String.class, row.id()))
                .isEqualTo("directory");
        assertThat(jdbc.queryForObject("select length(content) from attachment where id = ?", Long.class, row.id()))
                .isZero();
        assertThat(attachments.content(row.id())).isEqualTo(Fixtures.pdf());

        // Rows written under the other setting stay readable: the platform's configured store reads this row.
        assertThat(new Attachments(mapper, uploadProperties, messages, cipher,
                new AttachmentStores.Stores(AttachmentStores.Stores.DATABASE, files)).content(row.id()))
                .isEqualTo(Fixtures.pdf());

        // Unlinked and old enough: the row and the file go.
        UnlinkedUploads cleanup = new UnlinkedUploads(mapper, onDisk, Duration.ofDays(7));
        assertThat(cleanup.removeUploadedBefore(row.createdAt().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(file).doesNotExist();
        assertThat(mapper.findAttachment(row.id())).isNull();
    }

    @Test
    void anUploadNoFormReferencedIsRemovedAfterItsAgeAndACaseFileIsKept() {
        Api applicant = api().as("zhangsan");
        String unlinked = applicant.upload("草稿.pdf", Fixtures.pdf()).body().path("id").asText();
        String linked = applicant.upload("invoice.pdf", Fixtures.pdf()).body().path("id").asText();
        // As a submitted form's file field does (Attachments.link).
        assertThat(mapper.linkAttachment(linked, "ZS-STORE-IT-1", "invoiceFile")).isEqualTo(1);
        var uploadedAt = mapper.findAttachment(unlinked).createdAt();

        // Not older than the age: kept.
        unlinkedUploads.removeUploadedBefore(uploadedAt);
        assertThat(applicant.get("/api/attachments/" + unlinked).status()).isEqualTo(200);

        unlinkedUploads.removeUploadedBefore(uploadedAt.plusSeconds(1));

        assertThat(applicant.get("/api/attachments/" + unlinked).status()).isEqualTo(404);
        assertThat(mapper.findAttachment(linked)).isNotNull();
        assertThat(stores.current().inRow()).isTrue();
    }
}
