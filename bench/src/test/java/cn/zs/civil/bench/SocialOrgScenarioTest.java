package cn.zs.civil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The social-organisation scenario's cases must pass the platform's name check against each other (backend
 * NameCheck, configuration in application.yml: no duplicate core, no bigram Dice of 0.6 or more, no forbidden word),
 * and its two on-site verifiers must be two accounts of the section.
 */
class SocialOrgScenarioTest {

    private static final List<String> FORMS = List.of("研究会", "促进会", "联合会", "联谊会", "基金会", "服务中心", "协会",
            "商会", "学会", "中心", "学校", "医院", "院", "社", "所", "站");
    private static final List<String> FORBIDDEN = List.of("中国", "全国", "中华", "第一", "最高", "国家级");

    @Test
    void namesAreWellFormedAndNeitherDuplicatesNorNearDuplicatesOfEachOther() {
        List<Set<String>> cores = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        List<Long> cases = new ArrayList<>();
        for (long n = 0; n < 2_500; n++) {
            cases.add(n);
        }
        for (long n = 2_500; n < SocialOrgScenario.NAMES; n += 97) {
            cases.add(n);
        }
        for (long n : cases) {
            String name = SocialOrgScenario.proposedName(n);
            assertThat(name).startsWith("中山市").hasSizeBetween(4, 60);
            assertThat(FORBIDDEN).noneMatch(name::contains);
            String form = FORMS.stream().filter(name::endsWith).findFirst().orElseThrow();
            assertThat(distinct.add(name)).as(name).isTrue();
            cores.add(bigrams(name.substring(3, name.length() - form.length())));
        }
        for (int i = 0; i < cores.size(); i++) {
            for (int j = i + 1; j < cores.size(); j++) {
                assertThat(dice(cores.get(i), cores.get(j))).as("cases %d and %d", cases.get(i), cases.get(j))
                        .isLessThan(0.6);
            }
        }
    }

    @Test
    void aboutOneCaseInThreeGetsTheCorrectionNoticeAtAcceptanceOnly() {
        SocialOrgScenario s = new SocialOrgScenario();
        int returned = 0;
        for (int i = 1; i <= 3_000; i++) {
            String no = "SZC-20261128-" + String.format("%04d", i);
            assertThat(s.returnsForCorrections("Task_ReviewApplication", no)).isFalse();
            returned += s.returnsForCorrections("Task_AcceptApplication", no) ? 1 : 0;
        }
        assertThat(returned).isBetween(900, 1_100);
    }

    @Test
    void theSecondVerifierIsAnotherAccountOfTheSection() {
        SocialOrgScenario s = new SocialOrgScenario();
        for (int i = 0; i < 100; i++) {
            String clerk = s.clerk(i);
            if (!Accounts.queue(clerk).equals(SocialOrgScenario.REVIEW)) {
                continue;
            }
            Object second = s.taskForm("Task_VerifyOnSite", clerk).get("secondVerifier");
            assertThat(second).isNotEqualTo(clerk);
            assertThat(Accounts.queue((String) second)).isEqualTo(SocialOrgScenario.REVIEW);
            assertThat((String) second).matches("^[A-Za-z0-9._-]{2,64}$");
        }
        assertThat(List.of(s.clerk(0), s.clerk(1), s.clerk(2), s.clerk(3)).stream().map(Accounts::queue))
                .containsExactly("socialorg-review", "section-chief", "director", "socialorg-review");
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    private static double dice(Set<String> x, Set<String> y) {
        int common = 0;
        for (String b : x) {
            common += y.contains(b) ? 1 : 0;
        }
        return 2.0 * common / (x.size() + y.size());
    }
}
