package cn.zs.civil.reports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inserts into the reporting tables, as JDBC batches (one statement per batch with rewriteBatchedStatements):
 * the backfill writes millions of rows, where MyBatis's per-row dynamic SQL would cost more than the figures. The
 * write path uses the same statements with one row, in the caller's transaction (the template joins it).
 */
@Component
class FactsWriter {

    private final JdbcTemplate jdbc;

    FactsWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void cases(List<ReportFacts.CaseFact> facts) {
        jdbc.batchUpdate("insert into rp_case (decided_at, application_no, service_code, district, status, outcome,"
                + " decided_day, decided_week, decided_month, elapsed_dh, paused_dh, working_days, paused_wd,"
                + " pwd_corrections, pwd_expert_review, pwd_consultation, pwd_hearing, pwd_public_notice,"
                + " pwd_inspection, has_clock, statutory_late, promised_late)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts, facts.size(),
                (ps, f) -> {
                    ps.setTimestamp(1, Timestamp.valueOf(f.decidedAt()));
                    ps.setString(2, f.applicationNo());
                    ps.setString(3, f.serviceCode());
                    ps.setString(4, f.district());
                    ps.setString(5, f.status());
                    ps.setString(6, f.outcome());
                    ps.setObject(7, f.decidedDay());
                    ps.setObject(8, f.decidedWeek());
                    ps.setObject(9, f.decidedMonth());
                    int next = measures(ps, 10, f.m());
                    ps.setInt(next, f.hasClock());
                    integer(ps, next + 1, f.statutoryLate());
                    integer(ps, next + 2, f.promisedLate());
                });
    }

    void tasks(List<ReportFacts.TaskFact> facts) {
        jdbc.batchUpdate("insert into rp_task (ended_at, task_id, application_no, service_code, district, task_key,"
                + " task_name, assignee, elapsed_dh, paused_dh, working_days, paused_wd, pwd_corrections,"
                + " pwd_expert_review, pwd_consultation, pwd_hearing, pwd_public_notice, pwd_inspection)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts, facts.size(), (ps, f) -> {
                    ps.setTimestamp(1, Timestamp.valueOf(f.endedAt()));
                    ps.setString(2, f.taskId());
                    ps.setString(3, f.applicationNo());
                    ps.setString(4, f.serviceCode());
                    ps.setString(5, f.district());
                    ps.setString(6, f.taskKey());
                    ps.setString(7, f.taskName());
                    ps.setString(8, f.assignee());
                    measures(ps, 9, f.m());
                });
    }

    /** elapsed_dh, paused_dh, working_days, paused_wd and the six pwd_* from {@code at}; returns the next index. */
    private static int measures(PreparedStatement ps, int at, ReportFacts.Measures m) throws SQLException {
        ps.setInt(at, m.elapsedDh());
        ps.setInt(at + 1, m.pausedDh());
        ps.setInt(at + 2, m.workingDays());
        ps.setInt(at + 3, m.pausedWd());
        for (int i = 0; i < m.pausedByReason().length; i++) {
            ps.setInt(at + 4 + i, m.pausedByReason()[i]);
        }
        return at + 4 + m.pausedByReason().length;
    }

    private static void integer(PreparedStatement ps, int at, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.INTEGER);
        } else {
            ps.setInt(at, value);
        }
    }
}
