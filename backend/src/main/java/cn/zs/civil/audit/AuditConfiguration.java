package cn.zs.civil.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Spring Security publishes its authorization refusals, URL rules and @PreAuthorize alike (SecurityAuditEvents). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** The filter runs inside the engine tools' security chain only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<EngineAdminAudit> engineAdminAuditRegistration(EngineAdminAudit filter) {
        FilterRegistrationBean<EngineAdminAudit> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
