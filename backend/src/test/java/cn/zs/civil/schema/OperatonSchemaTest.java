package cn.zs.civil.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What moving to Operaton (the maintained fork of Camunda 7, docs/operations.md, "Upgrading") would do to the database: nothing.
 * Its engine (the pom's operaton.version) makes the same tables with the same scripts, and records the same schema
 * version, so the engine schema migration (cn.zs.civil.schema) finds a database of this platform already current.
 */
class OperatonSchemaTest {

    private static final Path OPERATON = Path.of("target/previous-engine/operaton-engine.jar");
    private static final String OPERATON_SCRIPTS = "org/operaton/bpm/engine/db/";
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "h2"})
    void operatonMakesTheSameTablesAndRecordsTheSameSchemaVersion(String database) throws Exception {
        assertThat(OPERATON).as("the build copies the Operaton engine jar (maven-dependency-plugin)").exists();
        try (URLClassLoader operaton = new URLClassLoader(new URL[] {OPERATON.toUri().toURL()}, null)) {
            var theirs = new PathMatchingResourcePatternResolver(operaton);
            var ours = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
            for (String component : COMPONENTS) {
                String name = "create/activiti." + database + ".create." + component + ".sql";
                assertThat(statements(theirs.getResource("classpath:" + OPERATON_SCRIPTS + name)
                        .getContentAsString(StandardCharsets.UTF_8)))
                        .as(name)
                        .isEqualTo(statements(ours.getResource("classpath:" + EngineSchemaMigration.DB + name)
                                .getContentAsString(StandardCharsets.UTF_8)));
            }
            assertThat(EngineSchemaMigration.schemaVersionOf(operaton, OPERATON_SCRIPTS, database))
                    .isEqualTo(EngineSchemaMigration.schemaVersionOf(getClass().getClassLoader(), database));
        }
    }

    /** The script without its licence header and blank lines. */
    private static String statements(String script) {
        return script.lines().filter(line -> !line.startsWith("--") && !line.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
