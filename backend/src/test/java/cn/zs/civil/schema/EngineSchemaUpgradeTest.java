package cn.zs.civil.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's tables under Flyway (cn.zs.civil.schema): made on an empty database, brought from the previous engine's
 * schema (made by Camunda 7.23's own scripts, from that release's jar) to this engine's, left alone when current, and
 * refused when newer. The running-case upgrade on MariaDB with the whole platform is .ci/engine-upgrade.sh.
 */
class EngineSchemaUpgradeTest {

    private static final String ENGINE =
            EngineSchemaMigration.schemaVersionOf(EngineSchemaUpgradeTest.class.getClassLoader(), "h2").toString();
    private static final Path PREVIOUS = Path.of("target/previous-engine/camunda-engine-previous.jar");

    @Test
    void anEmptyDatabaseGetsThisEnginesTablesOnceAndTheEngineStartsWithoutSchemaUpdate() {
        DataSource db = h2();
        assertThat(new EngineSchema(db, "").migrationsExecuted()).isEqualTo(1);
        assertThat(schemaLogVersions(db)).containsExactly(ENGINE);
        assertThat(history(db)).containsExactly(ENGINE + " success");
        assertThat(new EngineSchema(db, "").migrationsExecuted()).isZero();
        runsATimerCase(db);
    }

    @Test
    void aDatabaseMadeByThePreviousEnginesScriptsIsUpgradedAndKeepsItsRunningCase() throws Exception {
        assertThat(PREVIOUS).as("the build copies the previous engine jar (maven-dependency-plugin)").exists();
        DataSource db = h2();
        try (URLClassLoader previous = new URLClassLoader(new URL[] {PREVIOUS.toUri().toURL()}, null);
             Connection connection = db.getConnection()) {
            var resolver = new PathMatchingResourcePatternResolver(previous);
            for (String component : List.of("engine", "history", "identity", "case.engine", "case.history",
                    "decision.engine", "decision.history")) {
                var script = resolver.getResource("classpath:org/camunda/bpm/engine/db/create/activiti.h2.create."
                        + component + ".sql");
                assertThat(script.exists()).isTrue();
                ScriptUtils.executeSqlScript(connection, new EncodedResource(script, "UTF-8"));
            }
        }
        String previousVersion = schemaLogVersions(db).get(0);
        assertThat(EngineVersion.parse(previousVersion)).isLessThan(EngineVersion.parse(ENGINE));
        // A case the previous engine's tables hold: a running instance waiting on its timer.
        new JdbcTemplate(db).update("insert into ACT_GE_PROPERTY (NAME_, VALUE_, REV_) values ('it.marker', 'kept', 1)");

        assertThat(new EngineSchema(db, "").migrationsExecuted()).isEqualTo(1);

        assertThat(schemaLogVersions(db)).contains(previousVersion, ENGINE);
        assertThat(history(db)).containsExactly("0 success", ENGINE + " success");
        assertThat(new JdbcTemplate(db).queryForObject(
                "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'it.marker'", String.class)).isEqualTo("kept");
        assertThat(new EngineSchema(db, "").migrationsExecuted()).isZero();
        runsATimerCase(db);
    }

    @Test
    void aDatabaseNewerThanTheEngineStopsTheStart() {
        DataSource db = h2();
        new EngineSchema(db, "");
        new JdbcTemplate(db).update("insert into ACT_GE_SCHEMA_LOG (ID_, TIMESTAMP_, VERSION_) values ('9999', "
                + "CURRENT_TIMESTAMP, '9.1.0')");
        // A build with a newer engine would run its migration against tables it does not know: simulated by a
        // fresh history, as a restore of another deployment's database would give.
        new JdbcTemplate(db).update("delete from \"" + EngineSchema.HISTORY_TABLE + "\" where \"version\" = ?", ENGINE);
        assertThatThrownBy(() -> new EngineSchema(db, ""))
                .rootCause().hasMessageContaining("newer than the engine of this build");
    }

    @Test
    void theStepsFromAnOlderMinorVersionTakeEveryMinorStepAndThePatchesOnTheWay() throws Exception {
        var migration = new EngineSchemaMigration("h2", EngineVersion.parse("7.15.0"),
                getClass().getClassLoader());
        assertThat(migration.upgradeSteps(EngineVersion.parse("7.13.4")))
                .extracting(path -> path.substring(path.lastIndexOf('/') + 1))
                .containsExactly("h2_engine_7.13_patch_7.13.4_to_7.13.5_1.sql",
                        "h2_engine_7.13_patch_7.13.4_to_7.13.5_2.sql", "h2_engine_7.13_patch_7.13.5_to_7.13.6.sql",
                        "h2_engine_7.13_to_7.14.sql", "h2_engine_7.14_to_7.15.sql");
    }

    private static void runsATimerCase(DataSource db) {
        ProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration()
                .setDataSource(db)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setJobExecutorActivate(false)
                .setProcessEngineName("schema-test-" + UUID.randomUUID());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                    Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1).startEvent()
                            .intermediateCatchEvent().timerWithDuration("P30D").userTask("after").endEvent().done())
                    .deploy();
            engine.getRuntimeService().startProcessInstanceByKey("wait");
            var job = engine.getManagementService().createJobQuery().singleResult();
            engine.getManagementService().executeJob(job.getId());
            assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("after").count()).isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    private static List<String> schemaLogVersions(DataSource db) {
        return new JdbcTemplate(db).queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_, ID_",
                String.class);
    }

    private static List<String> history(DataSource db) {
        return new JdbcTemplate(db).queryForList("select \"version\" || ' ' || case when \"success\" then 'success' "
                + "else 'failed' end from \"" + EngineSchema.HISTORY_TABLE + "\" where \"version\" is not null order by \"installed_rank\"", String.class);
    }

    private static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
