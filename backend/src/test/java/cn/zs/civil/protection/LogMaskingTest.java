package cn.zs.civil.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void anIdNumberIsMaskedWholeOrTypedInGroups() {
        assertThat(LogMasking.mask("party 442000194503012129 refused"))
                .isEqualTo("party 4420**********2129 refused");
        assertThat(LogMasking.mask("身份证号440101-19900101-1234不符")).isEqualTo("身份证号4401**-********-1234不符");
        assertThat(LogMasking.mask("id 440101 19900101 123x, again")).isEqualTo("id 4401** ******** 123x, again");
        assertThat(LogMasking.mask("{\"partyBIdNumber\":\"44200020030303134X\"}"))
                .isEqualTo("{\"partyBIdNumber\":\"4420**********134X\"}");
    }

    @Test
    void whatIsNoIdNumberStaysAsItIs() {
        for (String line : new String[] {"case BZB-20261128-0007 accepted", "took 1765080000000 ms",
                "phone 13800000001 on 2026-01-16", "account 6222 0212 3456 7890 123 (kept out of logs elsewhere)",
                "process instance 9f1c2e3a-1b2c-4d5e-8f90-123456789012", "short"}) {
            assertThat(LogMasking.mask(line)).as(line).isEqualTo(line);
        }
    }
}
