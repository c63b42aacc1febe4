package cn.zs.civil.outbox;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

    int countByDedupeKey(@Param("dedupeKey") String dedupeKey);

    int insert(@Param("kind") String kind, @Param("dedupeKey") String dedupeKey,
            @Param("applicationNo") String applicationNo, @Param("payload") String payload,
            @Param("now") LocalDateTime now);

    /** Ids of due messages (pending, next attempt reached, no live lease), oldest first. */
    List<Long> findDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Takes the lease of one due message and counts the attempt; 0 when another node was first. */
    int claim(@Param("id") long id, @Param("node") String node, @Param("now") LocalDateTime now,
            @Param("leaseUntil") LocalDateTime leaseUntil);

    OutboxRow find(@Param("id") long id);

    int markSent(@Param("id") long id, @Param("node") String node, @Param("now") LocalDateTime now);

    int markRetry(@Param("id") long id, @Param("node") String node, @Param("nextAttemptAt") LocalDateTime nextAttemptAt,
            @Param("error") String error);

    int markFailed(@Param("id") long id, @Param("node") String node, @Param("error") String error);

    /** An operator's retry of a message failed for good: due now, its attempts counted afresh. */
    int requeue(@Param("id") long id, @Param("now") LocalDateTime now);

    List<OutboxRow> byApplication(@Param("applicationNo") String applicationNo, @Param("kindPrefix") String kindPrefix);

    List<OutboxRow> byStatus(@Param("status") String status, @Param("limit") int limit);

    List<StatusCount> countByStatus();

    record StatusCount(String status, Long messages) {
    }
}
