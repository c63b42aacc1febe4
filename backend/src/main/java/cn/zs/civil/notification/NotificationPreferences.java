package cn.zs.civil.notification;

import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;

/** An applicant's channels and language for notifications; the defaults until they choose. */
@Component
public class NotificationPreferences {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    /** What an applicant chose (or the defaults): {@code chosen} false until they saved a choice. */
    public record Preference(NotificationChannels channels, String language, boolean chosen) {
    }

    private final NotificationMapper mapper;
    private final NotificationProperties properties;

    NotificationPreferences(NotificationMapper mapper, NotificationProperties properties) {
        this.mapper = mapper;
        this.properties = properties;
    }

    /** The account's choice, or the default channels in the language of {@code fallback}. */
    public Preference of(String accountId, Locale fallback) {
        NotificationMapper.PreferenceRow row = accountId == null ? null : mapper.findPreference(accountId);
        if (row == null) {
            return new Preference(properties.defaultChannels(), language(fallback), false);
        }
        return new Preference(NotificationChannels.valueOf(row.channels()), row.language(), true);
    }

    public Preference save(String accountId, NotificationChannels channels, String language) {
        var now = BusinessTime.now();
        if (mapper.updatePreference(accountId, channels.name(), language, now) == 0) {
            try {
                mapper.insertPreference(accountId, channels.name(), language, now);
            } catch (DuplicateKeyException concurrent) {
                mapper.updatePreference(accountId, channels.name(), language, now);
            }
        }
        return new Preference(channels, language, true);
    }

    static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }
}
