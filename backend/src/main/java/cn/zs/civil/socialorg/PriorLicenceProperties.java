package cn.zs.civil.socialorg;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.socialorg.prior-licence}: the sectors in which a private non-enterprise unit needs the sector
 * authority's licence before it may register (民非条例 Art. 12; domain brief §2(a): education, health, vocational
 * training, possibly elderly care [M]).
 *
 * @param sectors the values of the establishment form's {@code serviceSector} that need a prior licence
 */
@ConfigurationProperties("platform.socialorg.prior-licence")
public record PriorLicenceProperties(List<String> sectors) {

    public PriorLicenceProperties {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
