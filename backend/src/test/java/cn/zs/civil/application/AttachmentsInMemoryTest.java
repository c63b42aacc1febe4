package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;

import cn.zs.civil.problem.ApiException;

/**
 * A node holds only so many files in memory at once: an upload past that waits briefly, then is told to try again
 * (503 with Retry-After), instead of adding its megabytes to a heap a burst of uploads would exhaust.
 */
class AttachmentsInMemoryTest {

    @Test
    void anUploadPastTheLimitIsToldToTryAgainAndTheNextOneAfterAFileIsDoneGoesThrough() throws Exception {
        Attachments attachments = new Attachments(null, new Attachments.UploadProperties(1024,
                List.of("application/pdf"), 1, Duration.ofMillis(200)), null, null, null);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MockMultipartFile slow = new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[] {1}) {
            @Override
            public InputStream getInputStream() throws IOException {
                reading.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.getInputStream();
            }
        };
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> catchThrowable(
                () -> attachments.upload(null, slow)));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

        Throwable busy = catchThrowable(() -> attachments.upload(null,
                new MockMultipartFile("file", "b.pdf", "application/pdf", new byte[] {1})));
        assertThat(busy).isInstanceOf(ApiException.class);
        assertThat(((ApiException) busy).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(((ApiException) busy).messageKey()).isEqualTo("upload.busy");
        assertThat(((ApiException) busy).retryAfterSeconds()).isPositive();

        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        // The first file is done (here refused further on, which frees its place as well): the next one is taken in.
        Throwable next = catchThrowable(() -> attachments.upload(null,
                new MockMultipartFile("file", "c.pdf", "application/pdf", new byte[] {1})));
        if (next instanceof ApiException refused) {
            assertThat(refused.messageKey()).isNotEqualTo("upload.busy");
        }
    }
}
