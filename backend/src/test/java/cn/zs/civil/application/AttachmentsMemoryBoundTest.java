package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.problem.ApiException;

/**
 * Downloads are under the same bound as uploads: with room for one file in memory, a second download while the first
 * is being written waits, then is told to come back (503 with Retry-After) instead of holding another file.
 */
class AttachmentsMemoryBoundTest {

    @Test
    void aDownloadWaitsForRoomAndIsToldToComeBackWhenNoneFrees() throws Exception {
        ApplicationMapper mapper = mock(ApplicationMapper.class);
        when(mapper.findAttachmentContent(anyString()))
                .thenReturn(new ApplicationMapper.AttachmentBlob(new byte[] {1, 2, 3}, null));
        DataCipher cipher = mock(DataCipher.class);
        when(cipher.openBytes(any(), anyString())).thenAnswer(a -> a.getArgument(0));
        Attachments attachments = new Attachments(mapper,
                new Attachments.UploadProperties(1_000_000, List.of("application/pdf"), 1, Duration.ofMillis(200)),
                null, cipher, new AttachmentStores.Stores(AttachmentStores.Stores.DATABASE, null));

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> attachments.sendContent("a", bytes -> {
            writing.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> attachments.sendContent("b", bytes -> { }))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).contains("download.busy"));

        release.countDown();
        first.join(5000);
        byte[][] got = new byte[1][];
        attachments.sendContent("b", bytes -> got[0] = bytes);
        assertThat(got[0]).containsExactly(1, 2, 3);
    }
}
