-- Service ratings (好差评, 国办发〔2019〕51号; Guangdong trial measures 2019): one row per case that ended with a
-- result, written when it ended (the rating window opens) and filled in by the applicant's rating or, after the
-- window, by the default 基本满意. A bad rating (level 1 or 2) carries its work order (差评工单) and the feedback.
create table service_rating (
    application_no   varchar(32)   not null,
    service_code     varchar(64)   not null,
    district         varchar(32),
    requested_at     datetime      not null,
    window_ends_at   datetime      not null,
    -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; null until rated
    rating_level     smallint,
    comment_text     varchar(500),
    -- ONLINE (the applicant on the portal), DEFAULT (no rating within the window)
    channel          varchar(16),
    rated_by         varchar(64),
    rated_at         datetime,
    is_default       boolean       default false not null,
    -- OPEN, IN_REVIEW (申诉复核 requested), CLOSED; null without a work order
    work_order_state varchar(16),
    work_order_due   datetime,
    feedback_text    varchar(2000),
    feedback_by      varchar(64),
    feedback_at      datetime,
    -- After a re-review: UPHELD (the rating stands) or ANNULLED (mistaken or malicious, left out of the figures)
    review_outcome   varchar(16),
    reviewed_by      varchar(64),
    reviewed_at      datetime,
    constraint pk_service_rating primary key (application_no)
) ${tableOptions};

create index ix_service_rating_rated on service_rating (rated_at, service_code);
create index ix_service_rating_work_order on service_rating (work_order_state, work_order_due);
