package cn.zs.civil.marriage;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Qualifications written at start for accounts that have none on record yet (the demo registrars, a benchmark's
 * clerks), so that their accounts, also configuration, can register from the first minute. The chief records and
 * renews them afterwards through the platform; a seed never overwrites what is on record.
 */
@ConfigurationProperties("platform.marriage.registrar-seed")
record RegistrarQualificationProperties(boolean enabled, List<Seed> qualifications) {

    RegistrarQualificationProperties {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }

    record Seed(String username, String certificateNo, String issuingAuthority, LocalDate validFrom,
            LocalDate validUntil) {
    }
}
