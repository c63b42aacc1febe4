package cn.zs.civil.web;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    /**
     * Characters outside the Basic Multilingual Plane (生僻字 such as 𠮷) are written as themselves in UTF-8, not as
     * escaped surrogate pairs, so that every client and log shows the name as typed.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer fourByteCharacters() {
        return builder -> builder.featuresToEnable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /** Chinese unless the reader asks for English. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    /** The transactions the services start: a deadlock victim runs again before anyone sees a 409. */
    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions,
            @Value("${platform.database.deadlock-attempts:4}") int attempts) {
        return new DeadlockRetryingTransactionTemplate(transactions, attempts);
    }
}
