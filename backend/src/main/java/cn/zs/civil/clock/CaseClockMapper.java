package cn.zs.civil.clock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CaseClockMapper {

    /** @param periods the chain of statutory periods as {@link Period#store} writes it; null for a single one */
    record ClockRow(String applicationNo, Instant startedAt, LimitUnit limitUnit, int statutoryDays,
                    Integer promisedDays, Instant stoppedAt, String periods) {
    }

    record PauseRow(String applicationNo, int seq, PauseReason reason, Instant startedAt, Instant endedAt) {
    }

    ClockRow selectClock(@Param("applicationNo") String applicationNo);

    /** The clock row, locked until the transaction ends: changes to one case are serialised. */
    ClockRow selectClockForUpdate(@Param("applicationNo") String applicationNo);

    List<ClockRow> selectClocks(@Param("applicationNos") Collection<String> applicationNos);

    List<PauseRow> selectPauses(@Param("applicationNos") Collection<String> applicationNos);

    int insertClock(@Param("row") ClockRow row);

    int stopClock(@Param("applicationNo") String applicationNo, @Param("stoppedAt") Instant stoppedAt);

    int insertPause(@Param("row") PauseRow row);

    int endPause(@Param("applicationNo") String applicationNo, @Param("seq") int seq, @Param("endedAt") Instant endedAt);
}
