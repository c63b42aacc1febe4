package cn.zs.civil.operations;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

/** The case table's figures for the metrics; the open tasks come from the worklist's {@code OpenTasks}. */
@Mapper
interface OperationsMapper {

    /** Per service: cases received so far, and of them the ones decided. */
    List<ServiceCases> casesPerService();

    record ServiceCases(String serviceCode, Long received, Long decided) {
    }
}
