package cn.zs.civil.rating;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RatingMapper {

    int insertRequest(@Param("applicationNo") String applicationNo, @Param("serviceCode") String serviceCode,
            @Param("district") String district, @Param("requestedAt") LocalDateTime requestedAt,
            @Param("windowEndsAt") LocalDateTime windowEndsAt);

    RatingRow find(String applicationNo);

    /** Fills in the rating if none was given yet: 0 rows when one was (a second rating, or the default first). */
    int rate(@Param("applicationNo") String applicationNo, @Param("level") int level, @Param("comment") String comment,
            @Param("channel") String channel, @Param("ratedBy") String ratedBy, @Param("ratedAt") LocalDateTime ratedAt,
            @Param("isDefault") boolean isDefault);

    int openWorkOrder(@Param("applicationNo") String applicationNo, @Param("due") LocalDateTime due);

    int recordFeedback(@Param("applicationNo") String applicationNo, @Param("text") String text,
            @Param("by") String by, @Param("at") LocalDateTime at, @Param("state") String state);

    int recordReview(@Param("applicationNo") String applicationNo, @Param("outcome") String outcome,
            @Param("by") String by, @Param("at") LocalDateTime at);
}
