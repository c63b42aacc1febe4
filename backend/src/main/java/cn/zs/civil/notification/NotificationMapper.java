package cn.zs.civil.notification;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

    PreferenceRow findPreference(@Param("accountId") String accountId);

    int updatePreference(@Param("accountId") String accountId, @Param("channels") String channels,
            @Param("language") String language, @Param("now") LocalDateTime now);

    int insertPreference(@Param("accountId") String accountId, @Param("channels") String channels,
            @Param("language") String language, @Param("now") LocalDateTime now);

    record PreferenceRow(String accountId, String channels, String language, LocalDateTime updatedAt) {
    }
}
