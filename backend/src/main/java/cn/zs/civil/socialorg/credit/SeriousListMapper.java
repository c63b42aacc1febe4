package cn.zs.civil.socialorg.credit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SeriousListMapper {

    record Row(Long id, String subjectKind, String subjectKey, String subjectName, String subjectShown, String reason,
            LocalDate listedOn, String listedBy, LocalDate removedOn, String removalReason, String removedBy,
            LocalDateTime updatedAt) {
    }

    List<Row> findAll();

    Row findById(long id);

    /** The current entry (not removed) of a subject, if any. */
    Row findCurrent(String subjectKey);

    int insert(Row row);

    int remove(@Param("id") long id, @Param("removedOn") LocalDate removedOn, @Param("reason") String reason,
            @Param("by") String by, @Param("now") LocalDateTime now);
}
