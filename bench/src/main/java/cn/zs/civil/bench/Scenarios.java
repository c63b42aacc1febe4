package cn.zs.civil.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scenarios by name. Add a service here once its process and forms are on main. */
final class Scenarios {

    static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        for (Scenario s : new Scenario[] {new MarriageScenario(), new FuneralWaiverScenario(),
                new SocialOrgScenario()}) {
            ALL.put(s.name(), s);
        }
    }

    private Scenarios() {
    }

    static Scenario of(String name) {
        Scenario s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scenario " + name + "; known: " + ALL.keySet());
        }
        return s;
    }
}
