package cn.zs.civil.placename;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PlacenameMapper {

    List<NameChecker.Entry> activeByName(String fullName);

    List<NameChecker.Entry> activeByPinyin(@Param("readings") Collection<String> readings);

    List<NameChecker.Entry> activeBySpecificPart(String specificPart);

    List<NameChecker.BannedTerm> bannedTerms();

    List<PinyinRow> withoutPinyin();

    int updatePinyin(@Param("id") long id, @Param("pinyin") String pinyin);

    int insertEntry(@Param("fullName") String fullName, @Param("specificPart") String specificPart,
            @Param("genericPart") String genericPart, @Param("pinyin") String pinyin, @Param("category") String category,
            @Param("district") String district, @Param("applicationNo") String applicationNo,
            @Param("approvedOn") LocalDate approvedOn);

    int retire(@Param("fullName") String fullName, @Param("successor") String successor,
            @Param("retiredOn") LocalDate retiredOn);

    int countEntriesOf(String applicationNo);

    /** The day the name a case proposed was approved and entered as a standard name; null when it was not. */
    @org.apache.ibatis.annotations.Select("select max(approved_on) from placename_gazetteer where application_no = #{applicationNo}")
    LocalDate approvedOnOf(String applicationNo);

    int deleteCheck(String applicationNo);

    int insertCheck(@Param("applicationNo") String applicationNo, @Param("fullName") String fullName,
            @Param("pinyin") String pinyin, @Param("findings") String findings, @Param("checkedAt") LocalDateTime checkedAt);

    CheckRow findCheck(String applicationNo);

    int insertAnnouncement(@Param("applicationNo") String applicationNo, @Param("title") String title,
            @Param("body") String body, @Param("draftedAt") LocalDateTime draftedAt);

    int markPublished(@Param("applicationNo") String applicationNo, @Param("publishedAt") LocalDateTime publishedAt);

    AnnouncementRow findAnnouncement(String applicationNo);

    record PinyinRow(long id, String fullName) {
    }

    record CheckRow(String applicationNo, String fullName, String pinyin, String findings, LocalDateTime checkedAt) {
    }

    record AnnouncementRow(String applicationNo, String title, String body, LocalDateTime draftedAt,
            LocalDateTime publishedAt) {
    }
}
