package cn.zs.civil.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PolicyMapper {

    record ChangeRow(long id, String decisionKey, String status, int baseVersion, String rulesJson, String dmnXml,
            String reason, LocalDate effectiveDate, String proposedBy, LocalDateTime proposedAt, String decidedBy,
            LocalDateTime decidedAt, String decisionReason, String deploymentId, String decisionDefinitionId,
            Integer decisionVersion, String kind, Integer parameterValue) {
    }

    int insert(ChangeRow row);

    ChangeRow byId(long id);

    ChangeRow lockById(long id);

    List<ChangeRow> all(@Param("max") int max);

    /** Every approved change of a kind ({@code PARAMETER}: the parameters' versions). */
    List<ChangeRow> approvedOfKind(@Param("kind") String kind);

    int approve(@Param("id") long id, @Param("decidedBy") String decidedBy, @Param("decidedAt") LocalDateTime decidedAt,
            @Param("effectiveDate") LocalDate effectiveDate, @Param("deploymentId") String deploymentId,
            @Param("decisionDefinitionId") String decisionDefinitionId, @Param("decisionVersion") int decisionVersion);

    int reject(@Param("id") long id, @Param("decidedBy") String decidedBy, @Param("decidedAt") LocalDateTime decidedAt,
            @Param("reason") String reason);
}
