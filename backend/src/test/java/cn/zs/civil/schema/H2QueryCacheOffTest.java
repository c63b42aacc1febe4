package cn.zs.civil.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class H2QueryCacheOffTest {

    @Test
    void anH2UrlOfAnOperatorsOwnGetsTheCacheTurnedOff() {
        assertThat(H2QueryCacheOff.withoutQueryCache("jdbc:h2:file:/srv/civil/db;MODE=LEGACY"))
                .isEqualTo("jdbc:h2:file:/srv/civil/db;MODE=LEGACY;QUERY_CACHE_SIZE=0");
        assertThat(H2QueryCacheOff.withoutQueryCache("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x;QUERY_CACHE_SIZE=0");
    }

    @Test
    void aUrlThatSetsTheSizeAndOtherDatabasesAreLeftAlone() {
        assertThat(H2QueryCacheOff.withoutQueryCache("jdbc:h2:mem:x;query_cache_size=8"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=8");
        String mysql = "jdbc:mysql://127.0.0.1:3306/civil?useSSL=false";
        assertThat(H2QueryCacheOff.withoutQueryCache(mysql)).isEqualTo(mysql);
        assertThat(H2QueryCacheOff.withoutQueryCache(null)).isNull();
    }

    @Test
    void theEnvironmentsUrlIsTheOneTheDataSourceReads() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application",
                Map.of("spring.datasource.url", "jdbc:h2:file:./data/x;MODE=LEGACY")));
        new H2QueryCacheOff().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:./data/x;MODE=LEGACY;QUERY_CACHE_SIZE=0");
    }

    /**
     * The shape of the queue of several groups: per-group subqueries with {@code limit ?} merged, prepared again for
     * each page. With H2 2.3's query cache the later pages came back with the first page's window (empty).
     */
    @Test
    void aStatementPreparedAgainForTheNextPageGetsThatPagesRows() throws SQLException {
        String url = H2QueryCacheOff.withoutQueryCache("jdbc:h2:mem:h2-query-cache-off;DB_CLOSE_DELAY=-1");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table item(id int primary key, grp varchar(4))");
                ddl.execute("insert into item select x, case when mod(x, 2) = 0 then 'a' else 'b' end"
                        + " from system_range(1, 33)");
            }
            String sql = "select id from ((select id from item where grp = ? order by id limit ?)"
                    + " union all (select id from item where grp = ? order by id limit ?)) t order by id limit ? offset ?";
            List<Integer> sizes = new ArrayList<>();
            for (int page = 0; page < 12; page++) {
                int window = (page + 1) * 3;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "a");
                    statement.setInt(2, window);
                    statement.setString(3, "b");
                    statement.setInt(4, window);
                    statement.setInt(5, 3);
                    statement.setInt(6, page * 3);
                    int rows = 0;
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                    sizes.add(rows);
                }
            }
            assertThat(sizes).containsExactly(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0);
        }
    }
}
