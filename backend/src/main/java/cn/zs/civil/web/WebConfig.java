package cn.zs.civil.web;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

    /**
     * Jackson's read limits on every mapper: Spring's (the platform's API) here, and as the process-wide default for
     * the mappers the engine's REST API and Spin create themselves. {@link RequestLimitFilter} has applied them to
     * every JSON body already; this holds for JSON that arrives another way (a stored variable, a registry's answer).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer readLimits(RequestLimits limits) {
        StreamReadConstraints constraints = JsonLimits.constraints(limits);
        StreamReadConstraints.overrideDefaultStreamReadConstraints(constraints);
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    /** Bounds every request body before anything reads it: the first filter, ahead of sessions and security. */
    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(RequestLimits limits, ObjectMapper mapper,
            MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestLimitFilter(limits, mapper, messages, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
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
