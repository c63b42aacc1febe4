package cn.zs.civil.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

/** Databases of the run on the MariaDB server, and what a case costs in them (rows and bytes). */
final class Database {

    static final String PARAMS = "?characterEncoding=UTF-8&sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
            + "&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    private final String server;
    private final String user;
    private final String password;

    Database(String server, String user, String password) {
        this.server = server.endsWith("/") ? server : server + "/";
        this.user = user;
        this.password = password;
    }

    String url(String name) {
        return server + name + PARAMS;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    HikariDataSource open(String name, int size) {
        return BareEngine.dataSource(url(name), user, password, size);
    }

    /** Drops and creates the database (utf8mb4_bin, as the README's MySQL section does). */
    void recreate(String name) throws SQLException {
        try (HikariDataSource ds = BareEngine.dataSource(server + PARAMS, user, password, 1);
                Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
        }
    }

    /** Exact rows (count(*)) and on-disk bytes (data + indexes after ANALYZE TABLE) per table, and per case. */
    static Map<String, Object> footprint(HikariDataSource db, String name, long cases) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + name + "' and table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            long rows = 0;
            long bytes = 0;
            Map<String, Object> perTable = new LinkedHashMap<>();
            List<Object[]> sizes = new ArrayList<>();
            for (String t : tables) {
                s.execute("analyze table `" + t + "`");
                long n;
                try (ResultSet r = s.executeQuery("select count(*) from `" + t + "`")) {
                    r.next();
                    n = r.getLong(1);
                }
                long b;
                try (ResultSet r = s.executeQuery("select data_length + index_length from information_schema.tables"
                        + " where table_schema = '" + name + "' and table_name = '" + t + "'")) {
                    r.next();
                    b = r.getLong(1);
                }
                rows += n;
                bytes += b;
                sizes.add(new Object[] {t, n, b});
            }
            sizes.sort((a, b) -> Long.compare((long) b[1], (long) a[1]));
            for (Object[] t : sizes.subList(0, Math.min(12, sizes.size()))) {
                perTable.put((String) t[0], Map.of("rows", t[1], "bytes", t[2],
                        "rowsPerCase", cases == 0 ? 0 : Metrics.round((long) t[1] / (double) cases)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("database", name);
            out.put("cases", cases);
            out.put("rows", rows);
            out.put("bytes", bytes);
            out.put("rowsPerCase", cases == 0 ? 0 : Metrics.round(rows / (double) cases));
            out.put("bytesPerCase", cases == 0 ? 0 : Math.round(bytes / (double) cases));
            out.put("largestTablesByRows", perTable);
            return out;
        }
    }

    static String version(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version()")) {
            r.next();
            return r.getString(1);
        }
    }
}
