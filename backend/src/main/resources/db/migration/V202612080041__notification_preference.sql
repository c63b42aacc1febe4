-- An applicant's choice of channels for notifications (notification.NotificationPreferences): EMAIL, SMS, BOTH or
-- NONE, and the language they read them in. No address here: the e-mail address is the account's, the mobile number
-- the case's (its form) or the account's, read when a message is delivered. No row: the defaults
-- (platform.notifications.default-channels, the language of the request that caused the message).
create table notification_preference (
    account_id varchar(64) not null,
    channels   varchar(8)  not null,
    language   varchar(8)  not null,
    updated_at datetime    not null,
    primary key (account_id)
) ${tableOptions};
