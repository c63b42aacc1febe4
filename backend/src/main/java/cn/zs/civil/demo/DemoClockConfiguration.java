package cn.zs.civil.demo;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link DemoClockStart} early: a bean-factory post-processor runs before the engine and the jobs start. */
@Configuration(proxyBeanMethods = false)
class DemoClockConfiguration {

    @Bean
    static BeanFactoryPostProcessor demoClockStart() {
        return new DemoClockStart();
    }
}
