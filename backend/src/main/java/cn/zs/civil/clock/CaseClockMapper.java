package cn.zs.civil.clock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CaseClockMapper {

    /** @param periods the chain of statutory periods as {@link Period#store} writes it; null for a single one */
    /** @param extendedDays working (or calendar) days added to the statutory limit by an approved extension */
    record ClockRow(String applicationNo, Instant startedAt, LimitUnit limitUnit, int statutoryDays,
                    Integer promisedDays, Instant stoppedAt, String periods, int extendedDays) {
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

    /** Adds days to the statutory limit of a running clock not extended before: 0 rows otherwise. */
    int extend(@Param("applicationNo") String applicationNo, @Param("days") int days);
}
