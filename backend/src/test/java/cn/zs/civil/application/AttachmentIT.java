package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

class AttachmentIT extends ApiTestBase {

    @Test
    void uploadKeepsTheSniffedTypeAndChecksum() throws Exception {
        Api.Response r = api().as("zhangsan").upload("证明.pdf", Fixtures.pdf());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(r.body().path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Fixtures.pdf())));
    }

    @Test
    void disguisedFileIsRefused() {
        Api applicant = api().as("zhangsan");
        assertThat(applicant.upload("scan.pdf", Fixtures.png()).body().path("code").asText())
                .isEqualTo("upload.nameDisagreesWithContent");
        Api.Response script = applicant.upload("scan.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.body().path("code").asText()).isEqualTo("upload.typeNotAllowed");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThat(applicant.upload("setup.png", exe).status()).isEqualTo(422);
    }

    @Test
    void pathTraversalInFileNamesIsRefused() {
        Api applicant = api().as("zhangsan");
        for (String name : new String[] {"../../etc/passwd.pdf", "..\\boot.pdf", "/tmp/x.pdf", ".hidden.pdf"}) {
            Api.Response r = applicant.upload(name, Fixtures.pdf());
            assertThat(r.status()).as(name).isEqualTo(422);
            assertThat(r.body().path("code").asText()).as(name).isEqualTo("upload.badName");
        }
    }

    @Test
    void oversizedUploadIsRefused() {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(Fixtures.pdf(), 0, big, 0, Fixtures.pdf().length);
        Api.Response r = api().as("zhangsan").upload("big.pdf", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void onlyTheUploaderCanDownloadAnUnlinkedFile() {
        String id = api().as("zhangsan").upload("mine.pdf", Fixtures.pdf()).body().path("id").asText();
        assertThat(api().as("zhangsan").get("/api/attachments/" + id).status()).isEqualTo(200);
        assertThat(api().as("lisi").get("/api/attachments/" + id).status()).isEqualTo(404);
        assertThat(api().as("clerk-funeral").get("/api/attachments/" + id).status()).isEqualTo(404);
        assertThat(api().as("manager").get("/api/attachments/" + id).status()).isEqualTo(403);
        assertThat(api().anonymous().get("/api/attachments/" + id).status()).isEqualTo(401);
    }
}
