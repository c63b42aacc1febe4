-- Open user tasks for the backlog and the owners of overdue cases (issue 7), kept by the engine's history events
-- in the transaction that creates, assigns, completes or deletes a task (ReportFactsEnginePlugin), and filled at
-- start-up for tasks that predate it. One row per open task with its case's service and district, and one row per
-- candidate group (queue) of it: the backlog groups 100,000 open tasks without a join to the engine's tables.

create table rp_open_task (
    task_id         varchar(64)  not null,
    application_no  varchar(32)  not null,
    service_code    varchar(64)  not null,
    district        varchar(32)  not null,
    task_key        varchar(255) not null,
    task_name       varchar(255),
    assignee        varchar(255),
    created_day     date         not null,
    constraint pk_rp_open_task primary key (task_id)
) ${tableOptions};

create index ix_rp_open_task_case on rp_open_task (application_no);

create table rp_open_task_queue (
    task_id         varchar(64)  not null,
    queue           varchar(255) not null,
    constraint pk_rp_open_task_queue primary key (task_id, queue)
) ${tableOptions};
