package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReportsMapper {

    List<ReceivedRow> received(@Param("scope") ReportScope scope);

    List<ClosedRow> closed(@Param("scope") ReportScope scope);

    List<WaiverRow> waivers(@Param("scope") ReportScope scope);

    /** Per day: {@code kind} RECEIVED (by received_at), DECIDED or WITHDRAWN (by decided_at). */
    List<DayCount> perDay(@Param("scope") ReportScope scope, @Param("kind") String kind);

    List<DecidedCase> decidedCases(@Param("scope") ReportScope scope);

    List<OpenCase> openWithClock(@Param("service") String service, @Param("districts") Collection<String> districts);

    record ReceivedRow(String serviceCode, Long received, Long online, Long nonLocal) {
    }

    record ClosedRow(String serviceCode, String status, String outcome, Long n) {
    }

    record WaiverRow(String serviceCode, Long n, BigDecimal amount) {
    }

    record DayCount(LocalDate reportDay, Long n) {
    }

    record DecidedCase(String applicationNo, String serviceCode, String district, LocalDateTime receivedAt,
            LocalDateTime decidedAt) {
    }

    record OpenCase(String applicationNo, String serviceCode, String district) {
    }
}
