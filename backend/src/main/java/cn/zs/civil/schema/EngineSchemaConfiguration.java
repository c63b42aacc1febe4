package cn.zs.civil.schema;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's tables migrated before the process engine is built ({@code schema-update: false} expects them). */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

    static final String BEAN = "engineSchema";

    @Bean(BEAN)
    EngineSchema engineSchema(DataSource dataSource, @Value("${camunda.bpm.database.type:}") String type) {
        return new EngineSchema(dataSource, type);
    }

    @Bean
    static EngineAfterSchema engineAfterSchema() {
        return new EngineAfterSchema();
    }

    /** Every process engine bean (and the factory that builds it) depends on the migrated schema. */
    static final class EngineAfterSchema extends AbstractDependsOnBeanFactoryPostProcessor {
        EngineAfterSchema() {
            super(ProcessEngine.class, ProcessEngineFactoryBean.class, BEAN);
        }
    }
}
