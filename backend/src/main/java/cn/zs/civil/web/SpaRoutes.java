package cn.zs.civil.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser UI (web/, built into static/) routes on the client: a reload or a shared link of one of its pages must
 * return index.html. View controllers, not a controller class: these are pages, not API endpoints.
 */
@Configuration(proxyBeanMethods = false)
class SpaRoutes implements WebMvcConfigurer {

    static final String[] PAGES = {"/signin", "/track", "/portal", "/portal/**", "/workbench", "/workbench/**",
            "/dashboard", "/dashboard/**", "/hall", "/hall/**",
            "/counter-device", "/verify/**", "/ratings"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController(page).setViewName("forward:/index.html");
        }
    }
}
