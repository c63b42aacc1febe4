package cn.zs.civil.funeral;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface FuneralWaiverMapper {

    int insert(FuneralWaiverRow row);

    FuneralWaiverRow findByDeceasedKey(String deceasedKey);

    FuneralWaiverRow findByApplicationNo(String applicationNo);

    int markPaid(@Param("applicationNo") String applicationNo, @Param("paidAt") LocalDateTime paidAt);
}
