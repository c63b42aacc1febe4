package cn.zs.civil.schema;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns H2's session query cache off in any H2 URL the platform is given ({@code QUERY_CACHE_SIZE=0}), not only in
 * the default one: H2 2.3 hands a statement prepared again its cached command, which keeps a derived table's result
 * computed with the first parameters, so a queue of several groups (per-group {@code limit ?} subqueries merged) served
 * its later pages from the first page's window. A URL that sets the size itself is left as it is; other databases
 * are not touched.
 */
public final class H2QueryCacheOff implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";
    static final String SETTING = "QUERY_CACHE_SIZE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        String fixed = withoutQueryCache(url);
        if (fixed != null && !fixed.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("h2QueryCacheOff", Map.of(URL, fixed)));
        }
    }

    /** The URL with {@code ;QUERY_CACHE_SIZE=0} added when it is an H2 URL that does not set the size. */
    static String withoutQueryCache(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return url;
        }
        for (String part : url.split(";")) {
            if (part.trim().toUpperCase(Locale.ROOT).startsWith(SETTING + "=")) {
                return url;
            }
        }
        return url + ";" + SETTING + "=0";
    }

    @Override
    public int getOrder() {
        // After the configuration files and the environment's variables are read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
