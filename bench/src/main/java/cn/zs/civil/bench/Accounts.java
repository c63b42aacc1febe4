package cn.zs.civil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of a benchmark run, given to the platform as an additional configuration file (the embedded mode's
 * account list, {@code platform.identity.accounts}): one account per virtual clerk and queue (section chiefs and
 * directors with their roles), and the demo accounts the run reads with (queue readers, manager, administrator for
 * the metrics, the funeral home, the applicant).
 */
final class Accounts {

    static final int PER_QUEUE = 64;

    /** The queues (candidate groups) with virtual clerks, and the role their accounts have. */
    private static final Map<String, String> QUEUES = new LinkedHashMap<>();

    static {
        for (String queue : List.of("marriage-registrar", "funeral-home", "funeral-review", "socialorg-review",
                "placename-review")) {
            QUEUES.put(queue, "clerk");
        }
        QUEUES.put("section-chief", "chief");
        QUEUES.put("director", "director");
    }

    private static final List<String> DEMO = List.of(
            "{username: clerk-marriage, name: 黄丽, roles: [clerk], groups: [marriage-registrar], districts: [\"*\"]}",
            "{username: clerk-funeral-home, name: 刘洋, roles: [clerk], groups: [funeral-home], districts: [\"*\"]}",
            "{username: clerk-funeral-xl, name: 陈明, roles: [clerk], groups: [funeral-review], districts: [xiaolan, guzhen, dongfeng, nantou, huangpu, henglan]}",
            "{username: clerk-socialorg, name: 周强, roles: [clerk], groups: [socialorg-review], districts: [\"*\"]}",
            "{username: chief, name: 赵科长, roles: [chief], groups: [section-chief, funeral-review, funeral-home, marriage-registrar, socialorg-review, placename-review], districts: [\"*\"]}",
            "{username: manager, name: 孙主任, roles: [manager], districts: [\"*\"]}",
            "{username: zhangsan, name: 张三, roles: [applicant]}",
            "{username: admin, name: 系统管理员, roles: [admin], districts: [\"*\"]}");

    private Accounts() {
    }

    static String clerk(String queue, int i) {
        return String.format("bench-%s-%02d", queue, i % PER_QUEUE);
    }

    /** The queue of a virtual clerk's account ({@link #clerk}). */
    static String queue(String clerk) {
        return clerk.substring("bench-".length(), clerk.lastIndexOf('-'));
    }

    /** Another account of the same queue: a colleague who is never the clerk himself. */
    static String colleague(String clerk) {
        return clerk(queue(clerk), Integer.parseInt(clerk.substring(clerk.lastIndexOf('-') + 1)) + 1);
    }

    /** Writes the file and answers the Spring Boot option that adds it. */
    static String configOption(Path dir) throws IOException {
        return configOption(dir, 0, List.of());
    }

    /**
     * The same with {@code applicants} applicant accounts ({@link AppointmentBurst#applicant}) and more of the
     * platform's configuration ({@code extra}: lines under {@code platform:}).
     */
    static String configOption(Path dir, int applicants, List<String> extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Written by the benchmark (bench/README.md); password demo.",
                "platform:", "  identity:", "    accounts:"));
        for (String account : DEMO) {
            lines.add("      - " + account.replace("{username", "{password: \"{noop}demo\", username"));
        }
        QUEUES.forEach((queue, role) -> {
            for (int i = 0; i < PER_QUEUE; i++) {
                lines.add("      - {username: " + clerk(queue, i) + ", password: \"{noop}demo\", name: 基准" + queue
                        + i + ", roles: [" + role + "], groups: [" + queue + "], districts: [\"*\"]}");
            }
        });
        for (int i = 0; i < applicants; i++) {
            lines.add("      - {username: " + AppointmentBurst.applicant(i) + ", password: \"{noop}demo\", name: 申请人" + i
                    + ", roles: [applicant]}");
        }
        // Every account of the registrars' queue registers under a qualification valid on the run's days (婚姻登记条例
        // 2003 Art. 3): written at start like the demo registrars' (platform.marriage.registrar-seed); this list
        // replaces the demo one, so it names the demo registrars too.
        lines.addAll(List.of("  marriage:", "    registrar-seed:", "      enabled: true", "      qualifications:"));
        List<String> registrars = new ArrayList<>(List.of("clerk-marriage", "chief"));
        for (int i = 0; i < PER_QUEUE; i++) {
            registrars.add(clerk("marriage-registrar", i));
        }
        for (int i = 0; i < registrars.size(); i++) {
            lines.add("        - {username: " + registrars.get(i) + ", certificate-no: BENCH-" + i
                    + ", issuing-authority: 广东省民政厅, valid-from: 2000-01-01, valid-until: 2099-12-31}");
        }
        lines.addAll(extra);
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-accounts.yml");
        Files.write(file, lines);
        return "--spring.config.additional-location=file:" + file.toAbsolutePath();
    }
}
