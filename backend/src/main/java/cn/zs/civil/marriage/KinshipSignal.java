package cn.zs.civil.marriage;

import java.util.Optional;
import java.util.Set;

import cn.zs.civil.registry.Registries;

/**
 * Brief §1(e) 5: kinship cannot be decided by the platform (the parties declare it), but an obvious signal in the
 * household register is flagged for the registrar: both parties in one household, each a blood relative of its head
 * (or the head), so lineal or collateral relatives within three generations (Civil Code Art. 1048) unless the
 * registrar finds otherwise. Relatives by marriage (a spouse, a child-in-law) are no signal.
 */
final class KinshipSignal {

    static final Set<String> BLOOD_OF_HEAD = Set.of("HEAD", "CHILD", "GRANDCHILD", "PARENT", "GRANDPARENT", "SIBLING");

    private KinshipSignal() {
    }

    static boolean between(Optional<Registries.Household> a, Optional<Registries.Household> b) {
        return a.isPresent() && b.isPresent() && a.get().householdNo() != null
                && a.get().householdNo().equals(b.get().householdNo())
                && BLOOD_OF_HEAD.contains(a.get().relationToHead()) && BLOOD_OF_HEAD.contains(b.get().relationToHead());
    }
}
