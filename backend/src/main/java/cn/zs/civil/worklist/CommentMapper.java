package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;

@Mapper
interface CommentMapper {

    int insert(CommentRow row);

    List<CommentRow> ofCase(String applicationNo);

    /** One comment on a case; mutable only so that MyBatis can hand back the generated id. */
    final class CommentRow {
        Long id;
        String applicationNo;
        String taskId;
        String taskKey;
        String taskName;
        String authorId;
        String authorRole;
        String body;
        LocalDateTime createdAt;

        CommentRow() {
        }

        CommentRow(String applicationNo, String taskId, String taskKey, String taskName, String authorId,
                String authorRole, String body, LocalDateTime createdAt) {
            this.applicationNo = applicationNo;
            this.taskId = taskId;
            this.taskKey = taskKey;
            this.taskName = taskName;
            this.authorId = authorId;
            this.authorRole = authorRole;
            this.body = body;
            this.createdAt = createdAt;
        }
    }
}
