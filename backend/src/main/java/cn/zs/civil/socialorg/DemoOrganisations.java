package cn.zs.civil.socialorg;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo organisations in the register so the name check has something to find: active ones, one cancelled less
 * than a year ago (its name still blocked) and one revoked long ago (free again). Embedded default only; a
 * deployment loads the bureau's register instead.
 */
@Component
@ConditionalOnProperty(name = "platform.socialorg.demo-organisations", havingValue = "true")
public class DemoOrganisations {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    private final SocialOrgService socialOrgs;

    DemoOrganisations(SocialOrgService socialOrgs) {
        this.socialOrgs = socialOrgs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        int added = socialOrgs.seedDemoOrganisations(organisations());
        if (added > 0) {
            log.info("Seeded {} demo organisations in the social-organisation register", added);
        }
    }

    static List<SocialOrgMapper.RegisteredOrg> organisations() {
        LocalDate today = cn.zs.civil.application.BusinessTime.now().toLocalDate();
        return List.of(
                org("中山市摄影家协会", "SOCIAL_GROUP", 1, "ACTIVE", LocalDate.of(2009, 3, 12)),
                org("中山市物流行业协会", "SOCIAL_GROUP", 2, "ACTIVE", LocalDate.of(2014, 6, 20)),
                org("中山市青年志愿者协会", "SOCIAL_GROUP", 3, "ACTIVE", LocalDate.of(2011, 5, 4)),
                org("中山市家具商会", "SOCIAL_GROUP", 4, "ACTIVE", LocalDate.of(2016, 9, 1)),
                org("中山市围棋协会", "SOCIAL_GROUP", 5, "CANCELLED", today.minusMonths(4)),
                org("中山市集邮协会", "SOCIAL_GROUP", 6, "REVOKED", today.minusYears(5)),
                org("中山市康乐社会工作服务中心", "PRIVATE_NON_ENTERPRISE", 7, "ACTIVE", LocalDate.of(2018, 11, 8)),
                org("中山市博爱长者服务中心", "PRIVATE_NON_ENTERPRISE", 8, "ACTIVE", LocalDate.of(2019, 4, 16)));
    }

    private static SocialOrgMapper.RegisteredOrg org(String name, String type, int serial, String status, LocalDate since) {
        return new SocialOrgMapper.RegisteredOrg(null, name, type, SocialOrgService.creditCode(type, 9_000_000 + serial),
                status, since, null, "ACTIVE".equals(status) ? since : LocalDate.of(2008, 1, 1), null);
    }
}
