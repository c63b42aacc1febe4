package cn.zs.civil.application;

import java.time.LocalDateTime;

/**
 * One row of {@code application}: a case as the platform keeps it, personal data included. The subject's name is
 * sealed in the table ({@link SubjectNames}) and open in every row the service hands out; the form data stays sealed
 * until {@code ApplicationService.formData} opens it.
 */
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

    /** The same row with the subject's name as read (opened) or as stored (sealed). */
    ApplicationRow withSubjectName(String name) {
        return new ApplicationRow(id, applicationNo, queryCode, serviceCode, processDefinitionId, processInstanceId,
                applicantId, channel, district, name, status, outcome, formData, receivedAt, acceptedAt, decidedAt,
                closedAt, updatedAt);
    }

    /** The same row with the query code as read (opened) or as stored (sealed, {@link QueryCodes}). */
    ApplicationRow withQueryCode(String code) {
        return new ApplicationRow(id, applicationNo, code, serviceCode, processDefinitionId, processInstanceId,
                applicantId, channel, district, subjectName, status, outcome, formData, receivedAt, acceptedAt,
                decidedAt, closedAt, updatedAt);
    }
}
