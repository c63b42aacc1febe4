package cn.zs.civil.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the fault suites' own, in a fresh data directory on its own port: the suites stop and start
 * it at will, so they never touch the shared server on 3306. One per test JVM, stopped when the JVM exits.
 */
final class OwnMariaDb {

    static final String USER = "hf_faults";
    static final String PASSWORD = "hf_faults_pw";

    private static OwnMariaDb shared;

    private final int port;
    private final Path dir;
    private Process server;

    private OwnMariaDb(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static synchronized OwnMariaDb shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("hf-faults-db-");
                OwnMariaDb db = new OwnMariaDb(Integer.getInteger("faults.db.port", 18450), dir);
                db.install();
                db.start();
                db.exec("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'; GRANT ALL ON *.* TO '"
                        + USER + "'@'127.0.0.1';");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    db.stop();
                    db.delete();
                }));
                shared = db;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void install() throws IOException {
        List<String> command = new ArrayList<>(List.of(binary("mariadb-install-db"), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=socket", "--skip-test-db"));
        if (root()) {
            // mariadbd will not run as root; the data directory belongs to the mysql account.
            command.add("--user=mysql");
            run(List.of("chmod", "755", dir.toString()));
        }
        run(command);
        if (root()) {
            // The server writes its socket, pid file and log next to the data.
            run(List.of("chown", "-R", "mysql", dir.toString()));
        }
    }

    synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary("mariadbd"), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--skip-name-resolve",
                "--max-connections=400", "--innodb-buffer-pool-size=256M", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin", "--log-error=" + dir.resolve("error.log")));
        if (root()) {
            command.add("--user=mysql");
        }
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (run(List.of(binary("mariadb-admin"), "--no-defaults", "--socket=" + dir.resolve("sock"), "-uroot",
                    "ping"), true) == 0) {
                return;
            }
            sleep(300);
        }
        throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("error.log"));
    }

    /** A clean shutdown, like an administrator stopping the service; the data stays. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private void delete() {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** A fresh empty database with the platform's character set. */
    String freshDatabase(String name) {
        exec("DROP DATABASE IF EXISTS " + name + "; CREATE DATABASE " + name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
        return jdbcUrl(name);
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?characterEncoding=UTF-8"
                + "&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows as lists of strings, for comparing end states. */
    List<List<String>> rows(String database, String sql) {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private void exec(String sql) {
        run(List.of(binary("mariadb"), "--no-defaults", "--socket=" + dir.resolve("sock"), "-uroot", "-e", sql));
    }

    private static String binary(String name) {
        for (String d : List.of("/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/")) {
            if (Files.isExecutable(Path.of(d + name))) {
                return d + name;
            }
        }
        return name;
    }

    private static void run(List<String> command) {
        int exit = run(command, false);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }

    private static int run(List<String> command, boolean quiet) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            int exit = p.waitFor();
            if (exit != 0 && !quiet) {
                System.err.println(out);
            }
            return exit;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
