package cn.zs.civil.application;

import java.time.LocalDateTime;

/** One row of {@code application}: a case as the platform keeps it, personal data included. */
public record ApplicationRow(
        Long id,
        String applicationNo,
        String queryCode,
        String serviceCode,
        String processDefinitionId,
        String processInstanceId,
        String applicantId,
        String channel,
        String district,
        String subjectName,
        String status,
        String outcome,
        String formData,
        LocalDateTime receivedAt,
        LocalDateTime acceptedAt,
        LocalDateTime decidedAt,
        LocalDateTime closedAt,
        LocalDateTime updatedAt) {
}
