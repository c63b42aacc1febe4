package cn.zs.civil.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    /** The head of the chain, locked until the transaction ends: appends take turns here. */
    Head lockHead();

    Head head();

    int insert(AuditRow row);

    /** Committed entries not yet in the chain, oldest first. */
    List<AuditRow> unsealed(@Param("limit") int limit);

    int seal(@Param("id") long id, @Param("seq") long seq, @Param("prevHash") String prevHash,
            @Param("rowHash") String rowHash, @Param("keyId") String keyId);

    int moveHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash);

    List<AuditRow> page(@Param("afterSeq") long afterSeq, @Param("limit") int limit);

    record Head(long lastSeq, String lastHash) {
    }
}
