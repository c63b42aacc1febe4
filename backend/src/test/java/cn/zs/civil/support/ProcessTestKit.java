package cn.zs.civil.support;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The tier-1 process tests' set-up, so that a process test states only its process: the models it deploys (the
 * library's {@code @Deployment} on the class), the beans it stands in for, and its steps. Registered once per class:
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessTestKit KIT = ProcessTestKit.engine("funeral-fee-waiver-test").startingAt(RECEIVED_AT);
 * </pre>
 * What the libraries do, this delegates to them: camunda-bpm-junit5's {@code ProcessEngineExtension} (through
 * process-test-coverage's {@code ProcessEngineCoverageExtension}) builds the engine, deploys the class's
 * {@code @Deployment} before each test and removes it after, and resets {@code ClockUtil}; the coverage extension
 * fails the class below full path coverage; camunda-bpm-assert ({@code BpmnAwareTests}) gives the assertions and
 * the task and job steps. What this adds by hand:
 * <ul>
 * <li>the engine's settings from application.yml that change behaviour (in-memory H2, no job executor: tests run
 * jobs themselves after moving the clock; full history; {@code javaSerializationFormatEnabled=false}; Spin with JSON
 * as the default serialization format, so a DMN result map is stored as JSON as in production; expressions resolved
 * against {@code Mocks});</li>
 * <li>{@code BpmnAwareTests} bound to this class's engine for each test (there is one engine per class, so the
 * library cannot find "the" engine by itself) and released after it;</li>
 * <li>the engine's clock at the class's starting instant before each test;</li>
 * <li>the stand-ins every model's expressions name: {@code clock} ({@link FakeStatutoryClock}, every day a working
 * day) and {@code caseStatus} (a fresh {@link RecordingCaseStatus}, read with {@link #caseStatus()}); a test
 * registers its own beans, or real ones in their place, with {@code Mocks.register} in its {@code @BeforeEach};
 * {@code Mocks} is emptied after each test.</li>
 * </ul>
 * The recurring steps (fire a timer, run due jobs, read a recorded variable) are in {@link ProcessSteps}.
 * <p>
 * The coverage extension is a final (Kotlin) class, so the kit wraps it and hands every callback on unchanged.
 */
public final class ProcessTestKit implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        BeforeEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback, TestWatcher,
        ParameterResolver {

    private final ProcessEngineCoverageExtension engine;
    private Date startingAt;

    private ProcessTestKit(ProcessEngineCoverageExtension engine) {
        this.engine = engine;
    }

    /** An engine of its own for one test class (its name names its in-memory database), with the coverage gate. */
    public static ProcessTestKit engine(String name) {
        return new ProcessTestKit(ProcessEngineCoverageExtension.builder(configuration(name))
                .assertClassCoverageAtLeast(1.0)
                .build());
    }

    /** Every test of the class starts with the engine's clock at this instant (else at the real time). */
    public ProcessTestKit startingAt(Date instant) {
        this.startingAt = instant;
        return this;
    }

    public ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    /** The {@code caseStatus} stand-in of the running test: what the platform's case table would have been told. */
    public static RecordingCaseStatus caseStatus() {
        return (RecordingCaseStatus) Mocks.get("caseStatus");
    }

    static ProcessEngineConfiguration configuration(String name) {
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

    @Override
    public void beforeAll(ExtensionContext context) {
        engine.beforeAll(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        engine.postProcessTestInstance(testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(engine.getProcessEngine());
        if (startingAt != null) {
            ClockUtil.setCurrentTime(startingAt);
        }
        Mocks.register("clock", new FakeStatutoryClock());
        Mocks.register("caseStatus", new RecordingCaseStatus());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engine.beforeTestExecution(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine.afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        engine.afterAll(context);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        engine.testDisabled(context, reason);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        engine.testSuccessful(context);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        engine.testAborted(context, cause);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        engine.testFailed(context, cause);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.resolveParameter(parameter, context);
    }
}
