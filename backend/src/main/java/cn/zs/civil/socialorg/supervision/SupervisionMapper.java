package cn.zs.civil.socialorg.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SupervisionMapper {

    record AbnormalRow(Long id, String creditCode, String ground, String reason, LocalDate listedOn, String listedBy,
            LocalDate curedOn, LocalDate removalDue, LocalDate removedOn, String removedBy, LocalDate escalatedOn,
            LocalDateTime updatedAt) {
    }

    record ReportRow(String creditCode, int reportYear, LocalDate supervisoryOn, LocalDateTime submittedAt,
            String submittedBy, boolean late) {
    }

    record FilingRow(String creditCode, LocalDate sealFiledOn, String bankName, String accountNo, LocalDate filedOn,
            String filedBy, boolean late, LocalDateTime updatedAt) {
    }

    record RevocationRow(String creditCode, String ground, String reasons, LocalDate decidedOn, String decidedBy,
            String decisionText, String announcementText) {
    }

    RevocationRow revocation(String creditCode);

    int insertRevocation(RevocationRow row);

    FilingRow filing(String creditCode);

    List<FilingRow> filings();

    int insertFiling(FilingRow row);

    List<AbnormalRow> abnormalOf(String creditCode);

    List<AbnormalRow> currentAbnormal();

    AbnormalRow abnormalById(long id);

    AbnormalRow currentAbnormalOf(String creditCode);

    int insertAbnormal(AbnormalRow row);

    int cureAbnormal(@Param("id") long id, @Param("curedOn") LocalDate curedOn, @Param("due") LocalDate due,
            @Param("now") LocalDateTime now);

    int removeAbnormal(@Param("id") long id, @Param("removedOn") LocalDate removedOn, @Param("by") String by,
            @Param("now") LocalDateTime now);

    int escalateAbnormal(@Param("id") long id, @Param("on") LocalDate on, @Param("now") LocalDateTime now);

    ReportRow report(@Param("creditCode") String creditCode, @Param("year") int year);

    List<ReportRow> reportsOf(int year);

    int insertReport(ReportRow row);
}
