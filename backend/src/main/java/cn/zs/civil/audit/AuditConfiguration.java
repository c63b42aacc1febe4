package cn.zs.civil.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** The filter runs inside the engine tools' security chain only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<EngineAdminAudit> engineAdminAuditRegistration(EngineAdminAudit filter) {
        FilterRegistrationBean<EngineAdminAudit> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
