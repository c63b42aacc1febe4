package cn.zs.civil.support;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine of the tier-1 process tests: in-memory H2, no Spring, no job executor (tests run jobs themselves, after
 * moving {@code ClockUtil} where time matters), and the settings of application.yml that change behaviour: full
 * history, {@code javaSerializationFormatEnabled=false}, the Spin plugin and JSON as the default serialization format
 * (so the DMN result map {@code eligibility} is stored as JSON, as in production). Expressions resolve against
 * {@code Mocks}, so the models' beans ({@code clock}, {@code caseStatus}, delegates) are fakes registered by each test.
 */
public final class ProcessTestEngines {

    private ProcessTestEngines() {
    }

    public static ProcessEngineConfiguration inMemory(String name) {
        ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        return configuration;
    }
}
