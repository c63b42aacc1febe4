package cn.zs.civil.socialorg;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.socialorg.leaders}: the figures of the leader-eligibility check (domain brief §2(e)4) and of the promoters list (§2(b)).
 *
 * @param minimumAge the age from which the proposed legal representative has full civil capacity by the ID
 *        number's date of birth (民法典 Art. 17: 18)
 * @param maximumAge an age limit for the legal representative where the bureau sets one (Guangzhou: 70 [S]); 0: none
 * @param soleLegalRepresentativeTypes the organisation types whose legal representative may not at the same time
 *        be the legal representative of another organisation of these types (社团条例 Art. 12: social groups)
 * @param minimumPromoters how many promoters a social group needs (domain brief §2(b) [S]: Qingyuan guide, 8)
 */
@ConfigurationProperties("platform.socialorg.leaders")
public record LeaderProperties(int minimumAge, int maximumAge, List<String> soleLegalRepresentativeTypes,
        int minimumPromoters) {

    public LeaderProperties {
        soleLegalRepresentativeTypes = soleLegalRepresentativeTypes == null ? List.of()
                : List.copyOf(soleLegalRepresentativeTypes);
    }
}
