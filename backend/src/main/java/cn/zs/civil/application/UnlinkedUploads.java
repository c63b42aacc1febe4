package cn.zs.civil.application;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that no form ever referenced ({@code platform.uploads.unlinked-max-age} after the upload, 7 days by
 * default): a file an applicant uploaded and then did not submit, or replaced, is personal data with no case behind
 * it. A file linked to a case is never touched (the delete re-checks that it is still unlinked, so a submission at
 * the same moment wins). Every node may run it; a row removed by another node is simply not found.
 */
@Component
class UnlinkedUploads {

    private static final Logger log = LoggerFactory.getLogger(UnlinkedUploads.class);
    private static final int BATCH = 200;

    private final ApplicationMapper mapper;
    private final AttachmentStores.Stores stores;
    private final Duration maxAge;

    UnlinkedUploads(ApplicationMapper mapper, AttachmentStores.Stores stores,
            @Value("${platform.uploads.unlinked-max-age:P7D}") Duration maxAge) {
        this.mapper = mapper;
        this.stores = stores;
        this.maxAge = maxAge;
    }

    @Scheduled(initialDelayString = "${platform.uploads.cleanup-initial-delay:PT10M}",
            fixedDelayString = "${platform.uploads.cleanup-interval:PT1H}")
    void scheduled() {
        int removed = removeUploadedBefore(BusinessTime.now().minus(maxAge));
        if (removed > 0) {
            log.info("Removed {} uploads never linked to a case within {}", removed, maxAge);
        }
    }

    /** Removes the unlinked uploads older than the instant; returns how many. */
    int removeUploadedBefore(LocalDateTime before) {
        int total = 0;
        while (true) {
            List<ApplicationMapper.StoredFile> files = mapper.findUnlinkedAttachments(before, BATCH);
            int removed = 0;
            for (ApplicationMapper.StoredFile file : files) {
                if (mapper.deleteUnlinkedAttachment(file.id()) == 1) {
                    stores.of(file.contentStore()).delete(file.id());
                    removed++;
                }
            }
            total += removed;
            if (files.size() < BATCH || removed == 0) {
                return total;
            }
        }
    }
}
