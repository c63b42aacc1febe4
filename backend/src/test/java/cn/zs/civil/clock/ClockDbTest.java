package cn.zs.civil.clock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.MybatisAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The clock package alone on an in-memory H2 in MySQL-compatible legacy mode, migrated by Flyway and seeded as at
 * start-up, with the platform's message bundles; no engine, no security, no web server. All classes using it share
 * one context.
 * To run the same tests on MySQL or MariaDB, point {@code CLOCK_TEST_DB_URL} (and {@code CLOCK_TEST_DB_USER},
 * {@code CLOCK_TEST_DB_PASSWORD}) at an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ClockDbTest.Config.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=${CLOCK_TEST_DB_URL:jdbc:h2:mem:clock;MODE=LEGACY;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${CLOCK_TEST_DB_USER:sa}",
        "spring.datasource.password=${CLOCK_TEST_DB_PASSWORD:}",
        "spring.datasource.driver-class-name=${CLOCK_TEST_DB_DRIVER:org.h2.Driver}",
        "platform.clock.calendar-recheck=5s",
        "platform.clock.yellow-working-days=3"})
@interface ClockDbTest {

    // No @Configuration: component scanning of the application must not pick this up; it is named explicitly above.
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
            MybatisAutoConfiguration.class, ValidationAutoConfiguration.class, JacksonAutoConfiguration.class,
            MessageSourceAutoConfiguration.class})
    @MapperScan(basePackageClasses = StatutoryClock.class, annotationClass = Mapper.class)
    @Import({ClockConfiguration.class, CalendarStore.class, CalendarYearValidator.class, WorkingDayCalendar.class,
            StatutoryClock.class, CalendarService.class, CalendarSeeder.class, CaseClockService.class,
            CalendarController.class})
    class Config {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
