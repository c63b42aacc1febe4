package cn.zs.civil.marriage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MarriageMapper {

    int insertParty(@Param("applicationNo") String applicationNo, @Param("role") String role,
            @Param("partyKey") String partyKey, @Param("serviceCode") String serviceCode);

    int countParties(String applicationNo);

    List<String> openCasesOf(@Param("serviceCode") String serviceCode, @Param("partyKeys") Collection<String> partyKeys,
            @Param("exceptApplicationNo") String exceptApplicationNo);

    int insertCase(@Param("applicationNo") String applicationNo, @Param("serviceCode") String serviceCode,
            @Param("nonLocal") boolean nonLocal);

    int countCase(String applicationNo);

    int insertCertificate(@Param("certificateNo") String certificateNo, @Param("applicationNo") String applicationNo,
            @Param("kind") String kind, @Param("issuedOn") LocalDate issuedOn);

    String certificateOf(String applicationNo);

    /** A registration in the archive: a decided case that was given a certificate number. */
    record ArchiveRow(String applicationNo, String serviceCode, String certificateNo, String kind,
            LocalDate issuedOn) {
    }

    /** The registrations in which the holder of this keyed ID number is a party, the oldest first. */
    List<ArchiveRow> archiveOf(String partyKey);

    ArchiveRow archiveByCertificate(String certificateNo);

    record PartyKeyRow(String applicationNo, String partyRole, String partyKey) {
    }

    List<PartyKeyRow> partyKeysOf(@Param("applicationNos") Collection<String> applicationNos);

    int insertReplacement(@Param("certificateNo") String certificateNo, @Param("applicationNo") String applicationNo,
            @Param("originalNo") String originalNo, @Param("kind") String kind, @Param("issuedOn") LocalDate issuedOn,
            @Param("issuedBy") String issuedBy, @Param("requesterKey") String requesterKey);

    record ReplacementRow(String certificateNo, String applicationNo, LocalDate issuedOn) {
    }

    List<ReplacementRow> replacementsOf(@Param("applicationNos") Collection<String> applicationNos);
}
