package cn.zs.civil.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the engine's tables when it is made, before the process engine (see {@link EngineSchemaConfiguration}).
 * A Flyway of its own with its own history table, so that the platform's migrations and the engine's never wait on
 * each other's versions; replicas starting together wait on Flyway's lock.
 */
public final class EngineSchema {

    static final String HISTORY_TABLE = "engine_schema_history";
    private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

    private final MigrateResult result;

    EngineSchema(DataSource dataSource, String configuredType) {
        String type = databaseType(dataSource, configuredType);
        EngineVersion version = EngineSchemaMigration.schemaVersionOf(EngineSchema.class.getClassLoader(), type);
        Flyway flyway = Flyway.configure(EngineSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                // No SQL location: the one migration is the Java one below, with the engine jar's scripts.
                .locations(new String[0])
                .javaMigrations(new EngineSchemaMigration(type, version, EngineSchema.class.getClassLoader()))
                // A database that already holds tables (the platform's, or the engine's made by schema-update in
                // an earlier build) starts its history below every engine version.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // The history keeps the versions an earlier engine ran; this build resolves only its own.
                .ignoreMigrationPatterns("*:missing")
                .load();
        this.result = flyway.migrate();
        log.info("Engine schema: version {} on {}, {} migration(s) applied", version, type, result.migrationsExecuted);
    }

    int migrationsExecuted() {
        return result.migrationsExecuted;
    }

    /** The engine's name for the database: the configured {@code camunda.bpm.database.type}, else h2 or mysql. */
    static String databaseType(DataSource dataSource, String configuredType) {
        if (configuredType != null && !configuredType.isBlank()) {
            return configuredType.strip().toLowerCase(Locale.ROOT);
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return "mysql";
            }
            throw new IllegalStateException("No engine schema scripts for the database " + product
                    + ": set camunda.bpm.database.type");
        } catch (SQLException e) {
            throw new IllegalStateException("The engine schema's database cannot be reached", e);
        }
    }
}
