package cn.zs.civil.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database upgraded to the one read model of open tasks (V202612090130) keeps its open tasks: the queue rows it
 * had get their case's service and the one row that counts each task, and the reports' second copy is dropped. On
 * an in-memory H2 in the platform's mode, or on MySQL/MariaDB with {@code MIGRATION_TEST_DB_URL} (an empty
 * database), {@code MIGRATION_TEST_DB_USER} and {@code MIGRATION_TEST_DB_PASSWORD}.
 */
class OpenTaskMigrationTest {

    private static final String BEFORE = "202612090110";
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 3, 2, 9, 30);
    private static final LocalDateTime NO_DUE = LocalDateTime.of(9999, 12, 31, 0, 0);

    @Test
    void anUpgradedDatabaseKeepsItsOpenTasksCountedOnceWithTheirCasesService() {
        String url = System.getenv().getOrDefault("MIGRATION_TEST_DB_URL",
                "jdbc:h2:mem:open-task-migration;MODE=LEGACY;DB_CLOSE_DELAY=-1");
        boolean h2 = url.startsWith("jdbc:h2:");
        DriverManagerDataSource db = new DriverManagerDataSource(url,
                System.getenv().getOrDefault("MIGRATION_TEST_DB_USER", h2 ? "sa" : "root"),
                System.getenv().getOrDefault("MIGRATION_TEST_DB_PASSWORD", ""));
        Map<String, String> placeholders = Map.of("tableOptions",
                h2 ? "" : "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        flyway(db, placeholders, BEFORE).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);

        // The state before: a case's task in two queues, another case's task offered to none, a task of no case,
        // and the reports' copy of the first two.
        for (String[] c : List.of(new String[] {"MIG-1", "marriage-registration", "shiqi"},
                new String[] {"MIG-2", "funeral-fee-waiver", "xiaolan"})) {
            jdbc.update("insert into application (application_no, query_code, service_code, applicant_id, channel,"
                    + " district, status, form_data, received_at, updated_at, process_instance_id)"
                    + " values (?, ?, ?, 'mig', 'ONLINE', ?, 'UNDER_REVIEW', '{}', ?, ?, ?)", c[0], c[0], c[1], c[2],
                    CREATED, CREATED, "pi-" + c[0]);
        }
        workItem(jdbc, "t1", "section-chief", "shiqi", "MIG-1");
        workItem(jdbc, "t1", "marriage-registrar", "shiqi", "MIG-1");
        workItem(jdbc, "t2", "", "xiaolan", "MIG-2");
        workItem(jdbc, "t3", "director", null, null);
        jdbc.update("insert into rp_open_task (task_id, application_no, service_code, district, task_key,"
                + " created_day) values ('t1', 'MIG-1', 'marriage-registration', 'shiqi', 'Task_Review', ?)",
                CREATED.toLocalDate());
        jdbc.update("insert into rp_open_task_queue (task_id, queue) values ('t1', 'section-chief')");

        flyway(db, placeholders, null).migrate();

        assertThat(jdbc.queryForList("select task_id, group_id, service_code, first_queue from work_item"
                + " order by task_id, group_id").stream().map(r -> r.get("task_id") + " " + r.get("group_id") + " "
                        + r.get("service_code") + " " + r.get("first_queue")).toList())
                .containsExactly("t1 marriage-registrar marriage-registration 1",
                        "t1 section-chief marriage-registration 0", "t2  funeral-fee-waiver 1", "t3 director null 1");
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from rp_open_task", Long.class))
                .hasMessageContaining("rp_open_task");
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from rp_open_task_queue", Long.class))
                .hasMessageContaining("rp_open_task_queue");
    }

    private static Flyway flyway(DriverManagerDataSource db, Map<String, String> placeholders, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .table("platform_schema_history").placeholders(placeholders);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void workItem(JdbcTemplate jdbc, String task, String group, String district, String no) {
        jdbc.update("insert into work_item (task_id, group_id, district, assignee, due_sort, created_at,"
                + " application_no, process_instance_id, task_key, task_name) values (?, ?, ?, null, ?, ?, ?, ?,"
                + " 'Task_Review', '审查')", task, group, district, NO_DUE, CREATED, no, "pi-" + task);
    }
}
