package cn.zs.civil.marriage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RegistrarQualificationMapper {

    record Row(String username, String certificateNo, String issuingAuthority, LocalDate validFrom,
            LocalDate validUntil, String recordedBy, LocalDateTime recordedAt) {
    }

    Row find(String username);

    List<Row> all();

    int insert(Row row);

    int update(Row row);
}
