package cn.zs.civil.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EscalationMapper {

    List<Integer> runningLimits();

    List<String> candidates(@Param("statutoryDays") int statutoryDays, @Param("startedBefore") Instant startedBefore,
            @Param("limit") int limit);

    int insert(@Param("applicationNo") String applicationNo, @Param("serviceCode") String serviceCode,
            @Param("district") String district, @Param("dueDate") LocalDate dueDate,
            @Param("escalatedAt") LocalDateTime escalatedAt);

    int reopen(@Param("applicationNo") String applicationNo, @Param("dueDate") LocalDate dueDate,
            @Param("escalatedAt") LocalDateTime escalatedAt);

    List<EscalationRow> open(@Param("districts") Collection<String> districts, @Param("limit") int limit);

    int acknowledge(@Param("applicationNo") String applicationNo, @Param("by") String by, @Param("at") LocalDateTime at);

    record EscalationRow(String applicationNo, String serviceCode, String district, LocalDate dueDate,
            LocalDateTime escalatedAt, String acknowledgedBy, LocalDateTime acknowledgedAt) {
    }
}
