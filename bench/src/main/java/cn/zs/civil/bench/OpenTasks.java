package cn.zs.civil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The large state for the queue benchmark: open counter tasks spread evenly over 20 queues (the five service
 * queues and fifteen more) and the city's 23 districts, each with its case row in the platform's
 * {@code application} table and the variables the platform puts on a case, due dates spread over ±30 days, in the
 * platform's database while it runs (it needs no restart to see them).
 */
final class OpenTasks {

    static final List<String> QUEUES = new ArrayList<>(List.of("marriage-registrar", "funeral-review",
            "funeral-home", "socialorg-review", "placename-review"));
    private static final Map<String, String> SERVICES = Map.of("marriage-registrar", "marriage-registration",
            "funeral-review", "funeral-fee-reimbursement", "funeral-home", "funeral-fee-waiver");

    static {
        for (int i = 1; QUEUES.size() < 20; i++) {
            QUEUES.add(String.format("bench-queue-%02d", i));
        }
    }

    private OpenTasks() {
    }

    /** Tables holding a seeded case, and the column that ties a row to its template (process instance or task). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();
    private static final Set<String> IDS = Set.of("ID_", "PROC_INST_ID_", "EXECUTION_ID_", "TASK_ID_", "PARENT_ID_",
            "ROOT_PROC_INST_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "VAR_SCOPE_", "BUSINESS_KEY_", "VAR_INST_ID_",
            "application_no", "process_instance_id", "task_id");

    static {
        for (String t : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_PROCINST",
                "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            TABLES.put(t, "PROC_INST_ID_ in (select pi from bench_seed_template)");
        }
        TABLES.put("ACT_RU_IDENTITYLINK", "TASK_ID_ in (select task from bench_seed_template)");
        TABLES.put("ACT_HI_IDENTITYLINK", "TASK_ID_ in (select task from bench_seed_template)");
        TABLES.put("application", "process_instance_id in (select pi from bench_seed_template)");
        // the queues' read model, which the platform's task events write and the seeder's bare engine does not
        TABLES.put("work_item", "task_id in (select task from bench_seed_template)");
    }

    /**
     * One case per queue and district is started through the engine (the template, written exactly as the engine
     * writes it, history included); the rest are copies of the templates' rows made by MariaDB in one INSERT ...
     * SELECT per table, with every id suffixed and the due dates spread, because 100,000 starts through the API
     * take longer than a benchmark run on this machine.
     */
    static Map<String, Object> seed(DataSource db, int count) throws Exception {
        long begin = System.nanoTime();
        ProcessEngine engine = BareEngine.build("bench-seeder", db, false, Map.of());
        List<String[]> templates = new ArrayList<>();
        try {
            engine.getRepositoryService().createDeployment().name("bench-open-task")
                    .addClasspathResource("bench-open-task.bpmn").enableDuplicateFiltering(false).deploy();
            List<Object[]> rows = new ArrayList<>();
            int n = 0;
            for (String queue : QUEUES) {
                for (String district : Scenario.DISTRICTS) {
                    String no = String.format("KB-%s-%03d", Long.toString(System.currentTimeMillis(), 36), n++);
                    LocalDateTime received = LocalDateTime.now().minusDays(n % 30);
                    Map<String, Object> v = new HashMap<>();
                    v.put("applicationNo", no);
                    v.put("serviceCode", SERVICES.getOrDefault(queue, queue));
                    v.put("district", district);
                    v.put("channel", "ONLINE");
                    v.put("receivedAt", Timestamp.valueOf(received));
                    v.put("statutoryLimitDays", 20);
                    v.put("promisedLimitDays", 10);
                    v.put("correctionPeriod", "P5D");
                    v.put("queue", queue);
                    v.put("dueDate", new Date(System.currentTimeMillis() + (n % 61 - 30) * 86_400_000L));
                    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("bench-open-task", no, v);
                    String task = engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult()
                            .getId();
                    templates.add(new String[] {p.getId(), task});
                    rows.add(new Object[] {no, queue, district, received, p.getProcessDefinitionId(), p.getId(), task,
                            v.get("dueDate")});
                }
            }
            insert(db, rows);
        } finally {
            engine.close();
        }
        int copies = (int) Math.ceil((count - templates.size()) / (double) templates.size());
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("set foreign_key_checks = 0");
            s.execute("drop table if exists bench_seed_template");
            s.execute("create table bench_seed_template (pi varchar(64), task varchar(64))");
            try (PreparedStatement p = c.prepareStatement("insert into bench_seed_template values (?, ?)")) {
                for (String[] t : templates) {
                    p.setString(1, t[0]);
                    p.setString(2, t[1]);
                    p.addBatch();
                }
                p.executeBatch();
            }
            Map<String, Object> copied = new LinkedHashMap<>();
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                // The template rows go to a staging table first, so no statement reads the table it writes.
                s.execute("drop table if exists bench_seed_stage");
                s.execute("create table bench_seed_stage as select * from " + t.getKey() + " where " + t.getValue());
                copied.put(t.getKey(), s.executeUpdate(copy(c, t.getKey(), copies)));
            }
            s.execute("drop table bench_seed_stage");
            s.execute("drop table bench_seed_template");
            s.execute("set foreign_key_checks = 1");
            out.put("rowsCopied", copied);
            try (ResultSet r = s.executeQuery("select count(*) from ACT_RU_TASK")) {
                r.next();
                out.put("openTasks", r.getLong(1));
            }
        }
        out.put("templateCases", templates.size());
        out.put("copiesPerTemplate", copies);
        out.put("seededTasks", templates.size() * (copies + 1));
        out.put("queues", QUEUES.size());
        out.put("districts", Scenario.DISTRICTS.length);
        out.put("seedSeconds", Metrics.round((System.nanoTime() - begin) / 1e9));
        return out;
    }

    /** {@code insert into T (cols) select <cols with ids suffixed> from <staged template rows> t join seq_1_to_<copies> s}. */
    private static String copy(Connection c, String table, int copies) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (r.next()) {
                columns.add(r.getString("COLUMN_NAME"));
            }
        }
        boolean named = columns.contains("NAME_") && columns.contains("TEXT_");
        for (String col : new ArrayList<>(columns)) {
            if ("id".equals(col)) {
                columns.remove(col);
            } else if (IDS.contains(col)) {
                values.add("concat(t." + col + ", '-', s.seq)");
            } else if ("DUE_DATE_".equals(col)) {
                values.add("date_add(now(), interval cast((s.seq * 7919 + crc32(t.ID_)) % 61 as signed) - 30 day)");
            } else if ("due_sort".equals(col)) {
                // the same spread as the copied task's DUE_DATE_ (same template task id, same copy number)
                values.add("date_add(now(), interval cast((s.seq * 7919 + crc32(t.task_id)) % 61 as signed) - 30 day)");
            } else if ("TEXT_".equals(col) && named) {
                values.add("case when t.NAME_ = 'applicationNo' then concat(t.TEXT_, '-', s.seq) else t.TEXT_ end");
            } else {
                values.add("t." + col);
            }
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from bench_seed_stage t join seq_1_to_" + copies + " s";
    }

    private static void insert(DataSource db, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into application"
                + " (application_no, query_code, service_code, process_definition_id, process_instance_id,"
                + " applicant_id, channel, district, subject_sealed, status, form_data, received_at, updated_at)"
                + " values (?, ?, ?, ?, ?, 'zhangsan', 'ONLINE', ?, '基准数据', 'UNDER_REVIEW', '{}', ?, ?)")) {
            for (Object[] r : rows) {
                String queue = (String) r[1];
                s.setString(1, (String) r[0]);
                s.setString(2, Long.toString(Math.abs(((String) r[0]).hashCode()), 36).toUpperCase());
                s.setString(3, SERVICES.getOrDefault(queue, queue));
                s.setString(4, (String) r[4]);
                s.setString(5, (String) r[5]);
                s.setString(6, (String) r[2]);
                s.setTimestamp(7, Timestamp.valueOf((LocalDateTime) r[3]));
                s.setTimestamp(8, Timestamp.valueOf((LocalDateTime) r[3]));
                s.addBatch();
            }
            s.executeBatch();
            // the open tasks' read model (one row per task and queue, first_queue 1 on the task's only queue)
            try (PreparedStatement w = c.prepareStatement("insert into work_item (task_id, group_id, district,"
                    + " assignee, due_sort, created_at, application_no, process_instance_id, task_key, task_name,"
                    + " service_code, first_queue)"
                    + " values (?, ?, ?, null, ?, ?, ?, ?, 'Task_Open', '待审查（基准数据）', ?, 1)")) {
                for (Object[] r : rows) {
                    w.setString(1, (String) r[6]);
                    w.setString(2, (String) r[1]);
                    w.setString(3, (String) r[2]);
                    w.setTimestamp(4, new Timestamp(((Date) r[7]).getTime()));
                    w.setTimestamp(5, Timestamp.valueOf((LocalDateTime) r[3]));
                    w.setString(6, (String) r[0]);
                    w.setString(7, (String) r[5]);
                    w.setString(8, SERVICES.getOrDefault((String) r[1], (String) r[1]));
                    w.addBatch();
                }
                w.executeBatch();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        rows.clear();
    }
}
