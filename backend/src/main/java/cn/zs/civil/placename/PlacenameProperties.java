package cn.zs.civil.placename;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Periods and lists of the place-name approval that the domain brief marks [S]/[M] or that the bureau sets locally.
 *
 * @param consultationPeriodDays calendar days a public consultation runs (征求意见; 7-30 is common [M])
 * @param filingLimitDays days from approval to the filing with the higher authority (Art. 13: 15)
 * @param announcementLimitDays days from approval (or from filing, for department approvals) to the announcement
 *        (Art. 14: 15)
 * @param genericParts the generic parts (通名) each feature category may use
 */
@ConfigurationProperties("platform.placename")
public record PlacenameProperties(int consultationPeriodDays, int filingLimitDays, int announcementLimitDays,
        Map<String, List<String>> genericParts) {

    public PlacenameProperties {
        genericParts = genericParts == null ? Map.of() : Map.copyOf(genericParts);
    }
}
