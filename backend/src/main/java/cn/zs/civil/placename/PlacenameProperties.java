package cn.zs.civil.placename;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Periods and lists of the place-name approval that the domain brief marks [S]/[M] or that the bureau sets locally.
 *
 * @param consultationPeriodDays calendar days a public consultation runs (征求意见; 7-30 is common [M])
 * @param filingLimitDays days from approval to the filing with the higher authority (Art. 13: 15)
 * @param announcementLimitDays days from approval (or from filing, for department approvals) to the announcement
 *        (Art. 14: 15)
 * @param genericParts the generic parts (通名) each feature category may use
 * @param reminderDaysBefore days before the last day of the filing or announcement period when the case's staff are
 *        reminded, before the escalation at its end
 * @param hearingRequestDays calendar days from the notice of the right to a hearing within which an interested party
 *        requests it (行政许可法 Art. 47: 5)
 * @param hearingHeldWithinDays calendar days from the request within which the hearing is held (Art. 47: 20)
 * @param hearingNoticeDays calendar days before the hearing by which its time and place are notified (Art. 48: 7)
 * @param downstream the departments told of every approved standard name (domain brief §3(c)9: public-security
 *        addresses and household registers, property registration, place-name signs, the standard-address database),
 *        each with its name and e-mail address; none configured: nobody is told
 * @param sectorApprovedCategories the feature categories whose names their sector departments approve (Art. 12(4)(7):
 *        urban parks and protected areas, important facilities): the bureau is not competent and refuses them
 * @param higherAuthorityPrefixes national and provincial prefixes (中国, 全国, 广东 ...): a name with one is approved
 *        by a higher authority (Zhongshan measures), not the city
 */
@ConfigurationProperties("platform.placename")
public record PlacenameProperties(int consultationPeriodDays, int filingLimitDays, int announcementLimitDays,
        Map<String, List<String>> genericParts, @DefaultValue("3") int reminderDaysBefore,
        @DefaultValue("5") int hearingRequestDays, @DefaultValue("20") int hearingHeldWithinDays,
        @DefaultValue("7") int hearingNoticeDays, List<Department> downstream, List<String> sectorApprovedCategories,
        List<String> higherAuthorityPrefixes) {

    /** A department told of approved names: {@code key} names it in the outbox, {@code name} in the message. */
    public record Department(String key, String name, String email) {
    }

    public PlacenameProperties {
        genericParts = genericParts == null ? Map.of() : Map.copyOf(genericParts);
        sectorApprovedCategories = sectorApprovedCategories == null ? List.of() : List.copyOf(sectorApprovedCategories);
        higherAuthorityPrefixes = higherAuthorityPrefixes == null ? List.of()
                : higherAuthorityPrefixes.stream().filter(p -> p != null && !p.isBlank()).toList();
        downstream = downstream == null ? List.of()
                : downstream.stream().filter(d -> d.email() != null && !d.email().isBlank()).toList();
        if (downstream.stream().map(Department::key).distinct().count() != downstream.size()
                || downstream.stream().anyMatch(d -> d.key() == null || d.key().isBlank() || d.name() == null)) {
            throw new IllegalArgumentException("platform.placename.downstream: each department needs a unique key, "
                    + "a name and an e-mail address");
        }
        if (reminderDaysBefore < 0 || reminderDaysBefore > 14) {
            throw new IllegalArgumentException("platform.placename.reminder-days-before must be 0 to 14");
        }
        if (hearingRequestDays < 1 || hearingHeldWithinDays < 1 || hearingNoticeDays < 1
                || hearingNoticeDays >= hearingHeldWithinDays) {
            throw new IllegalArgumentException("platform.placename.hearing-*-days: each at least 1, the notice "
                    + "shorter than the period the hearing is held within");
        }
    }
}
