package cn.zs.civil.socialorg;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SocialOrgMapper {

    record RegisteredOrg(Long id, String name, String orgType, String creditCode, String status, LocalDate statusSince,
            String formerName, LocalDate registeredOn, String applicationNo) {
    }

    record CaseRow(String applicationNo, String serviceCode, String orgType, String nameFindings, String nameSimilarTo,
            String competentAuthority, String receiptText, LocalDateTime receiptAt, String firstVerifier,
            String secondVerifier, LocalDateTime verifiedAt, String decisionText, String refusalGround,
            String announcementText, LocalDateTime announcedAt, String certificateType, String certificateNo,
            String creditCode, LocalDateTime decidedAt, LocalDateTime updatedAt) {
    }

    List<RegisteredOrg> findByType(String orgType);

    /** Organisations of a type whose legal representative's key is this one. */
    List<RegisteredOrg> findByLegalRepKey(@Param("orgType") String orgType, @Param("key") String key);

    /** Organisations of a type registered by an application here before the key was kept. */
    List<RegisteredOrg> findWithoutLegalRepKey(String orgType);

    int updateLegalRepKey(@Param("creditCode") String creditCode, @Param("key") String key);

    RegisteredOrg findByCreditCode(String creditCode);

    int insertRegistered(RegisteredOrg org);

    int updateRegisteredName(@Param("creditCode") String creditCode, @Param("name") String name,
            @Param("formerName") String formerName, @Param("since") LocalDate since);

    int updateRegisteredStatus(@Param("creditCode") String creditCode, @Param("status") String status,
            @Param("since") LocalDate since);

    CaseRow findCase(String applicationNo);

    int insertCase(@Param("applicationNo") String applicationNo, @Param("serviceCode") String serviceCode,
            @Param("now") LocalDateTime now);

    int updateCheck(@Param("applicationNo") String applicationNo, @Param("orgType") String orgType,
            @Param("nameFindings") String nameFindings, @Param("nameSimilarTo") String nameSimilarTo,
            @Param("competentAuthority") String competentAuthority, @Param("decisionText") String decisionText,
            @Param("now") LocalDateTime now);

    int updateReceipt(@Param("applicationNo") String applicationNo, @Param("text") String text,
            @Param("now") LocalDateTime now);

    int updateVerifiers(@Param("applicationNo") String applicationNo, @Param("first") String first,
            @Param("second") String second, @Param("now") LocalDateTime now);

    int updateDecision(@Param("applicationNo") String applicationNo, @Param("decisionText") String decisionText,
            @Param("refusalGround") String refusalGround, @Param("now") LocalDateTime now);

    int updateAnnouncement(@Param("applicationNo") String applicationNo, @Param("text") String text,
            @Param("now") LocalDateTime now);

    int updateCertificate(@Param("applicationNo") String applicationNo, @Param("certificateType") String certificateType,
            @Param("certificateNo") String certificateNo, @Param("creditCode") String creditCode,
            @Param("now") LocalDateTime now);
}
