package cn.zs.civil.notification;

import java.util.List;

/** The channels an applicant chose: e-mail, text message, both or none. */
public enum NotificationChannels {
    EMAIL(List.of(Channel.EMAIL)),
    SMS(List.of(Channel.SMS)),
    BOTH(List.of(Channel.EMAIL, Channel.SMS)),
    NONE(List.of());

    private final List<Channel> channels;

    NotificationChannels(List<Channel> channels) {
        this.channels = channels;
    }

    public List<Channel> channels() {
        return channels;
    }

    /** One way a message travels; its outbox kind is {@code notify.email} or {@code notify.sms}. */
    public enum Channel {
        EMAIL("notify.email"), SMS("notify.sms");

        private final String kind;

        Channel(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }

        static Channel ofKind(String kind) {
            for (Channel c : values()) {
                if (c.kind.equals(kind)) {
                    return c;
                }
            }
            return null;
        }
    }
}
