package cn.zs.civil.socialorg;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zs.civil.catalogue.ServiceCatalogue.Text;

/** {@code platform.socialorg}: the [S]/[M] values of domain brief §2 as configuration. */
@ConfigurationProperties("platform.socialorg")
/**
 * @param certificateValidityYears how many years a registration certificate is valid from the date of registration
 *        (brief §2(d) [M]: Guangdong certificates carry a validity period, often 5 years); 0: no period is stated
 */
public record SocialOrgProperties(Foundations foundations, Names names, int changeFilingDays,
        int cancellationFilingDays, int certificateDeliveryDays, int certificateValidityYears,
        boolean demoOrganisations, Text remedyNotice) {

    public record Foundations(boolean delegated, Text competentAuthority) {
    }

    /**
     * Name rules: the administrative-division prefixes that open a local name, words a local organisation may not
     * use, words it may use only as a qualifier of its sector (Order No. 69: 中国象棋, 中华文化), the organisational forms that close a name (longest first), how alike two names may be, and how long
     * a changed, cancelled or revoked name stays blocked.
     */
    public record Names(List<String> divisionPrefixes, List<String> forbiddenWords, List<String> qualifierWords,
            List<String> orgForms, double similarityThreshold, int changedOrCancelledHoldYears, int revokedHoldYears) {

        public Names {
            divisionPrefixes = divisionPrefixes == null ? List.of() : List.copyOf(divisionPrefixes);
            forbiddenWords = forbiddenWords == null ? List.of() : List.copyOf(forbiddenWords);
            qualifierWords = qualifierWords == null ? List.of() : List.copyOf(qualifierWords);
            orgForms = orgForms == null ? List.of() : List.copyOf(orgForms);
        }
    }
}
