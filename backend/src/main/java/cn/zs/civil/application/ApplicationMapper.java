package cn.zs.civil.application;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ApplicationMapper {

    int insertApplication(@Param("row") ApplicationRow row, @Param("queryHash") String queryHash);

    int deleteNameKeys(@Param("applicationNo") String applicationNo);

    /** The keyed hashes of the names the case's data holds ({@link SubjectNameKeys}); at least one. */
    int insertNameKeys(@Param("applicationNo") String applicationNo, @Param("keys") java.util.Collection<String> keys);

    List<UnkeyedRow> findUnkeyed(@Param("afterId") long afterId, @Param("limit") int limit);

    int updateProcess(@Param("applicationNo") String applicationNo, @Param("processDefinitionId") String processDefinitionId,
            @Param("processInstanceId") String processInstanceId);

    int updateStatus(@Param("applicationNo") String applicationNo, @Param("status") String status,
            @Param("outcome") String outcome, @Param("now") LocalDateTime now);

    int markAccepted(@Param("applicationNo") String applicationNo, @Param("acceptedAt") LocalDateTime acceptedAt,
            @Param("now") LocalDateTime now);

    int markDecided(@Param("applicationNo") String applicationNo, @Param("outcome") String outcome,
            @Param("now") LocalDateTime now);

    int markClosed(@Param("applicationNo") String applicationNo, @Param("status") String status,
            @Param("outcome") String outcome, @Param("now") LocalDateTime now);

    int updateFormData(@Param("applicationNo") String applicationNo, @Param("formData") String formData,
            @Param("subjectName") String subjectName, @Param("now") LocalDateTime now);

    ApplicationRow findByNo(String applicationNo);

    CaseState findState(String applicationNo);

    /** The sealed query code of a case and its keyed hash (null in a row written before it had one). */
    QueryCheck findQueryCheck(String applicationNo);

    /**
     * Cases whose form data is not sealed with the current key, or without the keyed hash of their query code or
     * subject name, locked until the transaction ends.
     */
    List<SealableRow> lockUnsealed(@Param("currentPattern") String currentPattern, @Param("limit") int limit);

    int updateSealedFormData(@Param("applicationNo") String applicationNo, @Param("formData") String formData,
            @Param("subjectName") String subjectName, @Param("queryCode") String queryCode,
            @Param("queryHash") String queryHash);

    /** Files stored in plain bytes or under a key that no longer seals, locked for re-sealing. */
    List<SealableFile> lockUnsealedAttachments(@Param("keyId") String keyId, @Param("limit") int limit);

    int updateSealedAttachment(@Param("id") String id, @Param("content") byte[] content, @Param("keyId") String keyId);

    /** Files never linked to a case and uploaded before the instant: their ids and stores, at most limit. */
    List<StoredFile> findUnlinkedAttachments(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Deletes a file's row while it is still unlinked (a form may link it at the same moment). */
    int deleteUnlinkedAttachment(String id);

    List<ApplicationRow> findByNos(@Param("nos") Collection<String> applicationNos);

    List<ApplicationRow> findByApplicant(@Param("applicantId") String applicantId, @Param("offset") int offset,
            @Param("limit") int limit);

    long countByApplicant(String applicantId);

    int insertIdempotencyKey(@Param("ownerId") String ownerId, @Param("key") String key,
            @Param("requestHash") String requestHash, @Param("applicationNo") String applicationNo,
            @Param("createdAt") LocalDateTime createdAt);

    IdempotencyRow findIdempotencyKey(@Param("ownerId") String ownerId, @Param("key") String key);

    int incrementSequence(String name);

    int insertSequence(@Param("name") String name, @Param("value") long value);

    Long currentSequence(String name);

    int insertEvent(CaseEventRow event);

    List<CaseEventRow> findEvents(String applicationNo);

    int insertAttachment(@Param("row") AttachmentRow row, @Param("content") byte[] content,
            @Param("contentKey") String contentKey, @Param("contentStore") String contentStore);

    AttachmentRow findAttachment(String id);

    AttachmentBlob findAttachmentContent(String id);

    List<AttachmentRow> findAttachments(String applicationNo);

    int linkAttachment(@Param("id") String id, @Param("applicationNo") String applicationNo,
            @Param("fieldKey") String fieldKey);

    int insertCorrectionNotice(@Param("applicationNo") String applicationNo, @Param("items") String items,
            @Param("note") String note, @Param("requestedBy") String requestedBy,
            @Param("requestedAt") LocalDateTime requestedAt);

    CorrectionNoticeRow findCorrectionNotice(String applicationNo);

    int markCorrectionSupplied(@Param("applicationNo") String applicationNo, @Param("at") LocalDateTime at);

    /** The bytes of a file; a record because MyBatis reads a bare byte[] return type as many rows. */
    record AttachmentBlob(byte[] content, String contentStore) {
    }

    record StoredFile(String id, String contentStore) {
    }

    record CaseState(String status, String outcome) {
    }

    record SealableFile(String id, byte[] content, String contentStore) {
    }

    record SealableRow(String applicationNo, String formData, String subjectName, String queryCode, String queryHash) {
    }

    record UnkeyedRow(long id, String applicationNo, String processDefinitionId, String formData) {
    }

    record QueryCheck(String applicationNo, String queryCode, String queryHash) {
    }

    record IdempotencyRow(String ownerId, String idemKey, String requestHash, String applicationNo,
            LocalDateTime createdAt) {
    }
}
