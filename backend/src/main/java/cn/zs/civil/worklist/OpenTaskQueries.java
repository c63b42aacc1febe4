package cn.zs.civil.worklist;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/** {@link OpenTasks} on {@code work_item}: each method one grouped or indexed read (WorkItemMapper.xml). */
@Component
class OpenTaskQueries implements OpenTasks {

    private final WorkItemMapper mapper;

    OpenTaskQueries(WorkItemMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<StepDay> perStep(String service, Collection<String> districts) {
        return mapper.stepDays(service, districts);
    }

    @Override
    public List<QueueDay> perQueue(String service, Collection<String> districts) {
        return mapper.queueDays(service, districts);
    }

    @Override
    public List<Holder> holdersOf(Collection<String> applicationNos) {
        return applicationNos.isEmpty() ? List.of() : mapper.holders(applicationNos);
    }

    @Override
    public List<QueueLoad> loadPerQueue(LocalDateTime now) {
        return mapper.queueLoads(now);
    }
}
