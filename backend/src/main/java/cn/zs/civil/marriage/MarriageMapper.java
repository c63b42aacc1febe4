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
}
