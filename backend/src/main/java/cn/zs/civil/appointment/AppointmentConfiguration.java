package cn.zs.civil.appointment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppointmentProperties.class)
class AppointmentConfiguration {

    /** Right after the request limits (which bound every body first), before the session store and the sign-in. */
    @Bean
    FilterRegistrationBean<BookingFrontDoor> bookingFrontDoor(AppointmentService appointments, ObjectMapper json,
            MessageSource messages, LocaleResolver locales,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<BookingFrontDoor> registration = new FilterRegistrationBean<>(
                new BookingFrontDoor(appointments, json, messages, locales, sessionCookie));
        registration.addUrlPatterns("/api/appointments");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
