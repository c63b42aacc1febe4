package cn.zs.civil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A limit of no working days (marriage and divorce registration are decided on the day) reads as such on the policy
 * screen and in a receipt, not as "0个工作日".
 */
class LimitWordsTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static String words(String key, int days, Locale locale) {
        return MESSAGES.getMessage(key, new Object[] {days}, locale);
    }

    @Test
    void noWorkingDaysIsDecidedOnTheDayInBothLanguagesAndInTheReceipt() {
        assertThat(words("policy.unit.WORKING_DAYS", 0, Locale.SIMPLIFIED_CHINESE)).isEqualTo("当场办结");
        assertThat(words("policy.unit.WORKING_DAYS", 20, Locale.SIMPLIFIED_CHINESE)).isEqualTo("20个工作日");
        assertThat(words("policy.unit.WORKING_DAYS", 0, Locale.ENGLISH)).isEqualTo("decided on the day");
        assertThat(words("policy.unit.WORKING_DAYS", 1, Locale.ENGLISH)).isEqualTo("1 working day");
        assertThat(words("policy.unit.WORKING_DAYS", 15, Locale.ENGLISH)).isEqualTo("15 working days");
        assertThat(words("document.limit.WORKING", 0, Locale.SIMPLIFIED_CHINESE)).isEqualTo("当场办结");
        assertThat(words("document.limit.WORKING", 60, Locale.SIMPLIFIED_CHINESE)).isEqualTo("60个工作日");
    }
}
