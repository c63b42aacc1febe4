package cn.zs.civil.operations;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OperationsMapper {

    /** Per service: cases received so far, and of them the ones decided. */
    List<ServiceCases> casesPerService();

    /** Per queue (candidate group): open tasks, and of them the ones past their due date at {@code now}. */
    List<QueueTasks> tasksPerQueue(@Param("now") LocalDateTime now);

    record ServiceCases(String serviceCode, Long received, Long decided) {
    }

    record QueueTasks(String queue, Long open, Long overdue) {
    }
}
