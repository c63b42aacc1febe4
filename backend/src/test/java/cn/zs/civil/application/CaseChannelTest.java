package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.zs.civil.catalogue.ServiceCatalogue.Channel;

/** How a case reached the bureau, from its service's channel and whether its check-in matched a booking. */
class CaseChannelTest {

    @Test
    void aCounterCaseIsBookedOnlyWithAMatchedBookingAndTheOthersFollowTheirService() {
        assertThat(CaseChannel.of(Channel.COUNTER, true)).isEqualTo(CaseChannel.BOOKED);
        assertThat(CaseChannel.of(Channel.COUNTER, false)).isEqualTo(CaseChannel.COUNTER);
        assertThat(CaseChannel.of(Channel.ONLINE, false)).isEqualTo(CaseChannel.ONLINE);
        assertThat(CaseChannel.of(Channel.NO_APPLICATION, false)).isEqualTo(CaseChannel.NO_APPLICATION);
        // The column holds at most 16 characters.
        for (CaseChannel c : CaseChannel.values()) {
            assertThat(c.name().length()).isLessThanOrEqualTo(16);
        }
    }
}
