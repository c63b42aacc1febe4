package cn.zs.civil.protection;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The start-up re-sealing of {@link SealedText.Column}s: table and column names come from that enum only. */
@Mapper
interface SealedColumnsMapper {

    List<SealableValue> lockUnsealed(@Param("table") String table, @Param("key") String key,
            @Param("column") String column, @Param("currentPattern") String currentPattern, @Param("limit") int limit);

    int updateSealed(@Param("table") String table, @Param("key") String key, @Param("column") String column,
            @Param("rowKey") String rowKey, @Param("value") String value);

    record SealableValue(String rowKey, String applicationNo, String stored) {
    }
}
