package cn.zs.civil.operations;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.worklist.OpenTasks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's figures as meters (exported at {@code /actuator/prometheus}). Counts come from the database on a
 * timer ({@code platform.metrics.refresh-interval}), so a scrape never waits on a query and every node of a cluster
 * reports the same cluster-wide figures: dashboards take the maximum over the nodes, not the sum.
 *
 * <ul>
 * <li>{@code civil_cases_received_total{service}}, {@code civil_cases_decided_total{service}}: counters of the case
 * table (monotonic: a case is never deleted);</li>
 * <li>{@code civil_queue_tasks{queue}}, {@code civil_queue_tasks_overdue{queue}}: open tasks per queue and the ones
 * past their statutory due date;</li>
 * <li>{@code civil_jobs_due}: the job executor's backlog (jobs due now with retries left);
 * {@code civil_jobs_failed}: jobs whose retries are spent; {@code civil_incidents_open}: open incidents.</li>
 * </ul>
 */
@Component
class OperationsMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

    /** One reading of the database: per service [received, decided], per queue [open, overdue], engine figures. */
    record Snapshot(Map<String, long[]> services, Map<String, long[]> queues, long jobsDue, long jobsFailed,
            long incidents) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), 0, 0, 0);
    }

    private static final long[] NONE = {0, 0};

    private final OperationsMapper mapper;
    private final OpenTasks openTasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    OperationsMetrics(OperationsMapper mapper, OpenTasks openTasks, ManagementService management,
            RuntimeService runtime, MeterRegistry registry) {
        this.mapper = mapper;
        this.openTasks = openTasks;
        this.management = management;
        this.runtime = runtime;
        this.registry = registry;
        gauge("civil.jobs.due", "Jobs due now with retries left: the job executor's backlog", s -> s.jobsDue());
        gauge("civil.jobs.failed", "Jobs whose retries are spent, waiting for an operator", s -> s.jobsFailed());
        gauge("civil.incidents.open", "Open incidents of the process engine", s -> s.incidents());
    }

    @Scheduled(fixedDelayString = "${platform.metrics.refresh-interval:PT30S}",
            initialDelayString = "${platform.metrics.initial-delay:PT15S}")
    void refresh() {
        try {
            refresh(BusinessTime.now());
        } catch (RuntimeException e) {
            // The database may be away (the outage filter answers 503 meanwhile): keep the last figures.
            LOG.warn("Operations metrics not refreshed: {}", e.getMessage());
        }
    }

    /** Reads the figures as of {@code now} (business time) and registers the meters of new services and queues. */
    Snapshot refresh(LocalDateTime now) {
        Map<String, long[]> services = new ConcurrentHashMap<>();
        for (OperationsMapper.ServiceCases row : mapper.casesPerService()) {
            services.put(row.serviceCode(), new long[] {value(row.received()), value(row.decided())});
        }
        Map<String, long[]> queues = new ConcurrentHashMap<>();
        for (OpenTasks.QueueLoad row : openTasks.loadPerQueue(now)) {
            queues.put(row.queue(), new long[] {row.open(), row.overdue()});
        }
        Snapshot read = new Snapshot(services, queues, management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count());
        snapshot = read;
        services.keySet().forEach(this::registerService);
        queues.keySet().forEach(this::registerQueue);
        return read;
    }

    private void registerService(String service) {
        if (registered.add("service:" + service)) {
            FunctionCounter.builder("civil.cases.received", this, m -> m.snapshot.services().getOrDefault(service, NONE)[0])
                    .description("Cases received").tag("service", service).register(registry);
            FunctionCounter.builder("civil.cases.decided", this, m -> m.snapshot.services().getOrDefault(service, NONE)[1])
                    .description("Cases decided").tag("service", service).register(registry);
        }
    }

    private void registerQueue(String queue) {
        if (registered.add("queue:" + queue)) {
            Gauge.builder("civil.queue.tasks", this, m -> m.snapshot.queues().getOrDefault(queue, NONE)[0])
                    .description("Open tasks in the queue").tag("queue", queue).register(registry);
            Gauge.builder("civil.queue.tasks.overdue", this, m -> m.snapshot.queues().getOrDefault(queue, NONE)[1])
                    .description("Open tasks in the queue past their due date").tag("queue", queue)
                    .register(registry);
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot)).description(description).register(registry);
    }

    private static long value(Long n) {
        return n == null ? 0 : n;
    }
}
