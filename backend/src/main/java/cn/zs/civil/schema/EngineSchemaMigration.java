package cn.zs.civil.schema;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.core.io.support.EncodedResource;

/**
 * Brings the engine's tables to the version of the engine on the class path, with the scripts that engine jar ships
 * ({@code org/camunda/bpm/engine/db/create|upgrade}). Its Flyway version is the schema version of the engine on the
 * class path (the one its create script records, e.g. {@code 7.24.0}; a fork such as Operaton 1.0 keeps 7.24.0), so
 * each schema version runs it once: on an empty database it creates the tables; on one an older engine made (by these migrations
 * or by the engine's own {@code schema-update}) it runs the upgrade scripts from the version the database records in
 * {@code ACT_GE_SCHEMA_LOG} to this one, minor step by minor step with the patch scripts on the way; on one already
 * at this version it records the fact and changes nothing. A database newer than the engine stops the start.
 */
final class EngineSchemaMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);
    /** The components in the order the engine itself creates them (DbSqlSession#dbSchemaCreate). */
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");
    /** The engine's scripts, beside its classes (org/camunda/bpm/engine/db/, or a fork's renamed package). */
    static final String DB = ProcessEngine.class.getPackageName().replace('.', '/') + "/db/";
    private static final Pattern SCHEMA_LOG_ROW =
            Pattern.compile("(?is)insert\\s+into\\s+ACT_GE_SCHEMA_LOG\\s+values\\s*\\(\\s*'0'\\s*,[^,]+,\\s*'([^']+)'");
    private static final Pattern MINOR_STEP = Pattern.compile("_engine_(\\d+)\\.(\\d+)_to_(\\d+)\\.(\\d+)\\.sql$");
    private static final Pattern PATCH_STEP =
            Pattern.compile("_engine_(\\d+\\.\\d+)_patch_(\\d+\\.\\d+\\.\\d+)_to_(\\d+\\.\\d+\\.\\d+)(?:_(\\d+))?\\.sql$");

    private final String databaseType;
    private final EngineVersion engineVersion;
    private final ResourcePatternResolver resources;

    EngineSchemaMigration(String databaseType, EngineVersion engineVersion, ClassLoader classLoader) {
        this.databaseType = databaseType;
        this.engineVersion = engineVersion;
        this.resources = new PathMatchingResourcePatternResolver(classLoader);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(engineVersion.toString());
    }

    @Override
    public String getDescription() {
        return "camunda engine schema " + engineVersion + " (" + databaseType + ")";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        // MySQL commits each DDL statement anyway; the scripts are written to be run as they come.
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Optional<EngineVersion> recorded = recordedVersion(connection);
        if (recorded.isEmpty()) {
            for (String component : COMPONENTS) {
                run(connection, DB + "create/activiti." + databaseType + ".create." + component + ".sql");
            }
            log.info("Engine schema: created the {} tables of Camunda {}", databaseType, engineVersion);
            return;
        }
        EngineVersion from = recorded.get();
        int order = from.compareTo(engineVersion);
        if (order > 0) {
            throw new IllegalStateException("The database's engine tables are at Camunda " + from + ", newer than "
                    + "the engine of this build (" + engineVersion + "). Downgrades are not supported: start the "
                    + "build the database was upgraded to, or restore the backup taken before the upgrade.");
        }
        if (order == 0) {
            log.info("Engine schema: the tables are already at Camunda {}", engineVersion);
            return;
        }
        List<String> steps = upgradeSteps(from);
        for (String step : steps) {
            run(connection, step);
        }
        EngineVersion now = recordedVersion(connection).orElseThrow();
        if (now.compareTo(engineVersion.minorOnly()) < 0) {
            throw new IllegalStateException("The upgrade scripts took the engine tables from Camunda " + from + " to "
                    + now + ", not to " + engineVersion + ": a script is missing from the engine jar (" + steps + ")");
        }
        log.info("Engine schema: upgraded the tables from Camunda {} to {} ({} scripts)", from, engineVersion,
                steps.size());
    }

    /**
     * The scripts from {@code from} to the engine's version: for each minor version, its patch scripts above the
     * recorded patch level, then the step to the next minor version.
     */
    List<String> upgradeSteps(EngineVersion from) throws IOException {
        List<Resource> all = Arrays.asList(resources.getResources(
                "classpath*:" + DB + "upgrade/" + databaseType + "_engine_*.sql"));
        List<String> steps = new ArrayList<>();
        EngineVersion at = from;
        while (at.minorOnly().compareTo(engineVersion.minorOnly()) < 0
                || (at.minorOnly().equals(engineVersion.minorOnly()) && at.compareTo(engineVersion) < 0)) {
            EngineVersion current = at;
            List<String> patches = all.stream()
                    .map(Resource::getFilename)
                    .filter(name -> name != null && PATCH_STEP.matcher(name).find())
                    .filter(name -> {
                        Matcher m = PATCH_STEP.matcher(name);
                        m.find();
                        EngineVersion patchFrom = EngineVersion.parse(m.group(2));
                        return m.group(1).equals(current.major() + "." + current.minor())
                                && patchFrom.compareTo(current) >= 0 && patchFrom.compareTo(engineVersion) < 0;
                    })
                    .sorted(Comparator.comparing((String name) -> {
                        Matcher m = PATCH_STEP.matcher(name);
                        m.find();
                        return EngineVersion.parse(m.group(2));
                    }).thenComparing(name -> {
                        Matcher m = PATCH_STEP.matcher(name);
                        m.find();
                        return m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                    }))
                    .toList();
            patches.forEach(name -> steps.add(DB + "upgrade/" + name));
            if (current.minorOnly().equals(engineVersion.minorOnly())) {
                break;
            }
            String minor = databaseType + "_engine_" + current.major() + "." + current.minor() + "_to_"
                    + current.major() + "." + (current.minor() + 1) + ".sql";
            boolean present = all.stream().anyMatch(r -> minor.equals(r.getFilename()));
            if (!present) {
                throw new IllegalStateException("No upgrade script " + minor + " in the engine jar: the tables at "
                        + "Camunda " + from + " cannot be brought to " + engineVersion + " by this build");
            }
            steps.add(DB + "upgrade/" + minor);
            at = new EngineVersion(current.major(), current.minor() + 1, 0);
        }
        return steps;
    }

    /** The schema version the engine on the class path makes: the one its create script writes to the schema log. */
    static EngineVersion schemaVersionOf(ClassLoader classLoader, String databaseType) {
        return schemaVersionOf(classLoader, DB, databaseType);
    }

    /** The same for an engine whose scripts are under another folder (a fork's, in OperatonSchemaTest). */
    static EngineVersion schemaVersionOf(ClassLoader classLoader, String scripts, String databaseType) {
        Resource script = new PathMatchingResourcePatternResolver(classLoader)
                .getResource("classpath:" + scripts + "create/activiti." + databaseType + ".create.engine.sql");
        try {
            String text = script.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            Matcher row = SCHEMA_LOG_ROW.matcher(text);
            if (!row.find()) {
                throw new IllegalStateException("The engine's create script " + script + " records no schema version");
            }
            return EngineVersion.parse(row.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("The engine jar has no create script for " + databaseType + " (" + scripts
                    + "create/)", e);
        }
    }

    private void run(Connection connection, String script) throws SQLException {
        Resource resource = resources.getResource("classpath:" + script);
        if (!resource.exists()) {
            throw new IllegalStateException("The engine jar has no script " + script);
        }
        log.info("Engine schema: running {}", script);
        ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, "UTF-8"));
    }

    /** The newest version in the engine's schema log, or nothing when the engine's tables do not exist yet. */
    static Optional<EngineVersion> recordedVersion(Connection connection) throws SQLException {
        if (!tableExists(connection, "ACT_GE_PROPERTY")) {
            return Optional.empty();
        }
        if (!tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
            throw new IllegalStateException("The engine's tables exist without ACT_GE_SCHEMA_LOG: they come from a "
                    + "Camunda older than 7.11, which this build cannot upgrade; run the engine's upgrade scripts by hand "
                    + "up to 7.11 first");
        }
        List<EngineVersion> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                EngineVersion.tryParse(rows.getString(1)).ifPresent(versions::add);
            }
        }
        return versions.stream().max(Comparator.naturalOrder());
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase())) {
            try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), null, name,
                    new String[] {"TABLE"})) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
