package cn.zs.civil.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.identity.IdentityProperties;

/**
 * Where a notification goes, read from the owners of the addresses each time (nothing is copied): the e-mail
 * address is the account's ({@code platform.identity.accounts[].email} in the embedded mode); the mobile number is
 * the one the applicant gave in the case's form (its sealed data, opened through {@link ApplicationService}), else
 * the account's.
 */
@Component
class Recipients {

    /** The form fields that hold the applicant's mobile number, in the order they are looked at. */
    static final List<String> PHONE_FIELDS = List.of("phone", "contactPhone", "applicantPhone", "partyAPhone");

    private final IdentityProperties identity;
    private final ApplicationService applications;

    Recipients(IdentityProperties identity, ApplicationService applications) {
        this.identity = identity;
        this.applications = applications;
    }

    boolean reachable(NotificationChannels.Channel channel, String accountId, ApplicationRow row) {
        return (channel == NotificationChannels.Channel.EMAIL ? email(accountId) : phone(accountId, row)).isPresent();
    }

    Optional<String> email(String accountId) {
        return identity.account(accountId).map(IdentityProperties.DemoAccount::email).filter(e -> !e.isBlank());
    }

    Optional<String> phone(String accountId, ApplicationRow row) {
        if (row != null) {
            Map<String, Object> data = applications.formData(row);
            for (String field : PHONE_FIELDS) {
                if (data.get(field) instanceof String s && !s.isBlank()) {
                    return Optional.of(s.strip());
                }
            }
        }
        return identity.account(accountId).map(IdentityProperties.DemoAccount::phone).filter(p -> !p.isBlank());
    }
}
