package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ExtensionMapper {

    record ExtensionRow(String applicationNo, String reason, int days, String state, String requestedBy,
            LocalDateTime requestedAt, String decidedBy, LocalDateTime decidedAt) {
    }

    int insert(@Param("applicationNo") String applicationNo, @Param("reason") String reason, @Param("days") int days,
            @Param("requestedBy") String requestedBy, @Param("at") LocalDateTime at);

    ExtensionRow find(String applicationNo);

    /** Decides a request still waiting: 0 rows when it was decided meanwhile. */
    int decide(@Param("applicationNo") String applicationNo, @Param("state") String state, @Param("by") String by,
            @Param("at") LocalDateTime at);

    List<ExtensionRow> waiting(@Param("limit") int limit);
}
