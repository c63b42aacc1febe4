/**
 * The engine's own tables (Camunda's {@code ACT_*}) under one owner, Flyway, like the platform's: the engine never
 * creates or alters them ({@code camunda.bpm.database.schema-update: false}). Before the engine starts, one Java
 * migration per engine version runs the scripts the engine jar ships: the create scripts on an empty database, the
 * upgrade scripts from the version the database records to the engine's. Its history lives in
 * {@code engine_schema_history}, apart from the platform's {@code platform_schema_history}.
 */
package cn.zs.civil.schema;
