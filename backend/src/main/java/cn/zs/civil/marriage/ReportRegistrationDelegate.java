package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.registry.Registries;

/**
 * Reports the registration to the national marriage database. Asynchronous with retries: an outage delays the
 * report, never the couple's certificate; an exhausted retry becomes an incident in Cockpit.
 */
@Component("reportRegistrationDelegate")
class ReportRegistrationDelegate implements JavaDelegate {

    private final ApplicationService applications;
    private final Registries.MarriageRegistry marriages;
    private final MarriageCertificates certificates;

    ReportRegistrationDelegate(ApplicationService applications, Registries.MarriageRegistry marriages,
            MarriageCertificates certificates) {
        this.applications = applications;
        this.marriages = marriages;
        this.certificates = certificates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> data = applications.formData(execution.getProcessBusinessKey());
        String a = String.valueOf(data.get(idField("A")));
        String b = String.valueOf(data.get(idField("B")));
        String certificate = certificates.of(execution.getProcessBusinessKey()).orElseThrow(
                () -> new IllegalStateException("registration " + execution.getProcessBusinessKey()
                        + " has no certificate number"));
        if (certificate.startsWith("L")) {
            marriages.recordDivorce(a, b, certificate, BusinessTime.now().toLocalDate());
        } else {
            marriages.recordMarriage(a, b, certificate, BusinessTime.now().toLocalDate());
        }
    }
}
