package cn.zs.civil.marriage;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine of the marriage and divorce process tests, configured as the funeral ones
 * ({@code cn.zs.civil.funeral.FuneralTestEngines}, package-private there): in-memory H2, no Spring, no job executor
 * (tests run due jobs themselves after moving {@code ClockUtil}), full history, the Spin plugin, Java serialization
 * of incoming values refused, expressions resolved against {@code Mocks}.
 */
final class MarriageTestEngines {

    private MarriageTestEngines() {
    }

    static ProcessEngineConfiguration inMemory(String name) {
        ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        return configuration;
    }
}
