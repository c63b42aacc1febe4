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

    int moveHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash);

    List<AuditRow> page(@Param("afterSeq") long afterSeq, @Param("limit") int limit);

    record Head(long lastSeq, String lastHash) {
    }
}
