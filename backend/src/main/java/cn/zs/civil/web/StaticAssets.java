package cn.zs.civil.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caching of the browser UI's files (web/, built into static/). Vite names every file under /assets/ by a hash of its
 * content, so a changed file is a new name: those are cached for a year and never revalidated ({@code immutable}),
 * and a second visit transfers none of them again. index.html names the current files, so the browser asks for it
 * every time ({@code no-cache}: revalidated by its Last-Modified, a 304 when nothing changed).
 *
 * <p>Spring Security writes {@code no-store} only on responses that carry no Cache-Control of their own, so these
 * headers stand without a change to the security configuration. Compression (gzip) is the server's
 * ({@code server.compression} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl PAGE = CacheControl.noCache();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/").setCacheControl(HASHED);
        registry.addResourceHandler("/index.html").addResourceLocations("classpath:/static/").setCacheControl(PAGE);
    }
}
