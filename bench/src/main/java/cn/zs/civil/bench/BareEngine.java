package cn.zs.civil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Camunda 7 embedded without the platform: the same BPMN, DMN and form files, the engine settings of
 * application.yml (history full, MySQL dialect, JSON serialization through Spin, Java serialization off, job
 * executor on with its defaults, READ COMMITTED, a pool of 10 like Spring Boot's Hikari default), and in place of
 * the platform's beans trivial ones: each delegate (and task listener) sets the variables the gateways need,
 * {@code caseStatus} only counts ended cases and sets the acceptance date, {@code clock} adds calendar days.
 */
final class BareEngine {

    /** Stands in for the platform's {@code caseStatus}: the models call it on every status change. */
    public static final class CaseStatus {
        private final Map<String, AtomicLong> finished = new ConcurrentHashMap<>();

        long finished(String processKey) {
            AtomicLong n = finished.get(processKey);
            return n == null ? 0 : n.get();
        }

        public void enter(DelegateExecution execution, String status) {
        }

        public void pause(DelegateExecution execution, String reason) {
        }

        public void resume(DelegateExecution execution) {
        }

        /** The platform's acceptance date, which the review's due date and the receipt read. */
        public void accepted(DelegateExecution execution, boolean deemed) {
            execution.setVariable("acceptedAt", new Date());
        }

        public void finish(DelegateExecution execution, String status, String outcome) {
            String key = execution.getProcessDefinitionId().split(":")[0];
            finished.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Stands in for the statutory clock: calendar days instead of working days. */
    public static final class Clock {
        public Date workingDaysAfter(Date instant, int n) {
            return new Date(instant.getTime() + n * 86_400_000L);
        }

        public Date calendarDaysAfterCivilCode(Date instant, int n) {
            return workingDaysAfter(instant, n);
        }
    }

    /** A trivial delegate (or task listener): sets the variables the gateways after it need. */
    static final class Facts implements JavaDelegate, TaskListener {
        private final Map<String, Object> facts;

        Facts(Map<String, Object> facts) {
            this.facts = facts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(facts);
        }

        @Override
        public void notify(DelegateTask task) {
            task.getExecution().setVariables(facts);
        }
    }

    static HikariDataSource dataSource(String url, String user, String password, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(c);
    }

    static ProcessEngine build(String name, DataSource db, boolean jobExecutor, Map<Object, Object> beans) {
        StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
        c.setProcessEngineName(name);
        c.setDataSource(db);
        c.setDatabaseType("mysql");
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setJobExecutorActivate(jobExecutor);
        c.setJavaSerializationFormatEnabled(false);
        c.setDefaultSerializationFormat("application/json");
        c.setEnforceHistoryTimeToLive(true);
        c.setQueryMaxResultsLimit(2000);
        c.setTransactionsExternallyManaged(false);
        c.setBeans(beans);
        // Spring Boot's starter default: ids from UUIDs. The standalone default takes id blocks in a second
        // transaction, which on a small pool starves itself under load.
        c.setIdGenerator(new StrongUuidGenerator());
        c.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        return c.buildProcessEngine();
    }

    /** Beans for a scenario: its delegates, the case-status counter and the clock. */
    static Map<Object, Object> beans(Scenario scenario, CaseStatus status) {
        Map<Object, Object> beans = new HashMap<>();
        scenario.delegateFacts().forEach((name, facts) -> beans.put(name, new Facts(facts)));
        beans.put("caseStatus", status);
        beans.put("clock", new Clock());
        return beans;
    }

    /** Deploys the scenario's models and the forms of their folders, once (duplicate filtering). */
    static void deploy(ProcessEngine engine, Scenario scenario, Path root) throws IOException {
        DeploymentBuilder d = engine.getRepositoryService().createDeployment().name("bench-" + scenario.name())
                .enableDuplicateFiltering(false);
        for (String model : scenario.models()) {
            add(d, root.resolve("processes").resolve(model), "processes/" + model);
            Path forms = root.resolve("forms").resolve(Path.of(model).getParent().toString());
            try (Stream<Path> files = Files.list(forms)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                    add(d, f, "forms/" + root.resolve("forms").relativize(f));
                }
            }
        }
        d.deploy();
    }

    private static void add(DeploymentBuilder d, Path file, String name) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            d.addInputStream(name, in);
        }
    }

    private BareEngine() {
    }
}
