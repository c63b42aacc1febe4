package cn.zs.civil.documents;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DocumentMapper {

    /** A document's row without its bytes (lists, the verification page). */
    record DocumentRow(long id, String applicationNo, String kind, int version, String serialNo, String sha256,
            long sizeBytes, String shownFacts, LocalDateTime issuedAt, LocalDateTime revokedAt, String revokedBy,
            String revokeReason) {
    }

    String COLUMNS = "id, application_no, kind, version, serial_no, sha256, size_bytes, shown_facts, issued_at,"
            + " revoked_at, revoked_by, revoke_reason";

    @Insert("insert into issued_document (application_no, kind, version, serial_no, sha256, size_bytes, content,"
            + " shown_facts, issued_at) values (#{applicationNo}, #{kind}, #{version}, #{serialNo}, #{sha256},"
            + " #{sizeBytes}, #{content}, #{shownFacts}, #{issuedAt})")
    int insert(@Param("applicationNo") String applicationNo, @Param("kind") String kind, @Param("version") int version,
            @Param("serialNo") String serialNo, @Param("sha256") String sha256, @Param("sizeBytes") long sizeBytes,
            @Param("content") byte[] content, @Param("shownFacts") String shownFacts,
            @Param("issuedAt") LocalDateTime issuedAt);

    @Select("select " + COLUMNS + " from issued_document where application_no = #{applicationNo} order by issued_at, id")
    List<DocumentRow> ofCase(String applicationNo);

    @Select("select " + COLUMNS + " from issued_document where application_no = #{applicationNo} and kind = #{kind}"
            + " order by version desc limit 1")
    DocumentRow latest(@Param("applicationNo") String applicationNo, @Param("kind") String kind);

    @Select("select " + COLUMNS + " from issued_document where serial_no = #{serialNo}")
    DocumentRow bySerial(String serialNo);

    /** The sealed bytes of a document. */
    record Content(byte[] content) {
    }

    @Select("select content from issued_document where id = #{id}")
    Content content(long id);

    @Update("update issued_document set revoked_at = #{at}, revoked_by = #{by}, revoke_reason = #{reason}"
            + " where id = #{id} and revoked_at is null")
    int revoke(@Param("id") long id, @Param("at") LocalDateTime at, @Param("by") String by,
            @Param("reason") String reason);
}
