package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.PARTIES;
import static cn.zs.civil.marriage.MarriageProcess.idField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.registry.IdNumberKeys;
import cn.zs.civil.registry.Registries;

/** The two parties of a marriage or divorce case: indexed by keyed hash, and where their hukou is. */
@Component
class MarriageParties {

    private final MarriageMapper mapper;
    private final IdNumberKeys keys;
    private final Registries.IdentityRegistry identity;
    private final String cityDivisionPrefix;

    MarriageParties(MarriageMapper mapper, IdNumberKeys keys, Registries.IdentityRegistry identity,
            @Value("${platform.funeral.city-division-prefix:4420}") String cityDivisionPrefix) {
        this.mapper = mapper;
        this.keys = keys;
        this.identity = identity;
        this.cityDivisionPrefix = cityDivisionPrefix;
    }

    /** Records the parties of a case once (the check may run again after a registry outage). */
    void register(String applicationNo, String serviceCode, Map<String, Object> data) {
        if (mapper.countParties(applicationNo) > 0) {
            return;
        }
        for (String p : PARTIES) {
            mapper.insertParty(applicationNo, p, keys.of(String.valueOf(data.get(idField(p)))), serviceCode);
        }
    }

    /** Open cases of a service in which either party of this case is a party. */
    List<String> openCases(String serviceCode, Map<String, Object> data, String exceptApplicationNo) {
        List<String> partyKeys = new ArrayList<>();
        for (String p : PARTIES) {
            partyKeys.add(keys.of(String.valueOf(data.get(idField(p)))));
        }
        return mapper.openCasesOf(serviceCode, partyKeys, exceptApplicationNo);
    }

    /** Open cases of a service in which the holder of this ID number is a party, the oldest first. */
    List<String> openCasesOfParty(String serviceCode, String idNumber) {
        return mapper.openCasesOf(serviceCode, List.of(keys.of(idNumber)), "");
    }

    /** Cross-province or cross-city: neither party has a hukou in the city (the bureau's annual statistic). */
    boolean nonLocal(String applicationNo, String serviceCode, Map<String, Object> data) {
        boolean nonLocal = nonLocal(data);
        if (mapper.countCase(applicationNo) == 0) {
            mapper.insertCase(applicationNo, serviceCode, nonLocal);
        }
        return nonLocal;
    }

    private boolean nonLocal(Map<String, Object> data) {
        for (String p : PARTIES) {
            // A party who is not a mainland resident has no hukou (and public security is not asked with a passport).
            boolean local = PartyDocument.of(data.get(MarriageProcess.idTypeField(p))).mainland()
                    && identity.person(String.valueOf(data.get(idField(p))))
                    .map(x -> x.hukouDivision().startsWith(cityDivisionPrefix)).orElse(false);
            if (local) {
                return false;
            }
        }
        return true;
    }
}
