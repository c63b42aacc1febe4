package cn.zs.civil.application;

import java.time.LocalDateTime;

/** An uploaded file's metadata; the bytes are read separately. */
public record AttachmentRow(
        String id,
        String ownerId,
        String applicationNo,
        String fieldKey,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        LocalDateTime createdAt) {
}
