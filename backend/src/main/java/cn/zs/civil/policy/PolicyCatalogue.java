package cn.zs.civil.policy;

import java.time.ZoneId;
import java.util.List;

/**
 * The decision tables a policy owner may change through the platform: every DMN table a process evaluates. Their
 * names on screen are in the i18n bundles ({@code policy.decision.<key>}).
 */
public final class PolicyCatalogue {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final List<String> DECISIONS = List.of("funeral-eligibility", "funeral-item-standards",
            "funeral-total-cap", "marriage-eligibility", "socialorg-establishment-conditions",
            "socialorg-change-announcement", "placename-approval-authority");

    private PolicyCatalogue() {
    }
}
