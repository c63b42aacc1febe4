-- The counter staff's queues as a table of their own (issue 9): one row per open human task and candidate group,
-- with the case's district and the task's due date beside them, written by the engine's task events in the same
-- transaction as the task (WorkItems). The queue, "next case" and the entitlement check read it with one indexed
-- query each, instead of the engine's task query (which joins the identity links and, for a district, the process
-- variables) - at 100,000 open tasks the difference between milliseconds and seconds.
create table work_item (
    task_id             varchar(64)  not null,
    group_id            varchar(64)  not null,
    district            varchar(32),
    assignee            varchar(128),
    -- the due date for ordering: tasks without one sort after every dated task (the far future), shown as none
    due_sort            datetime     not null,
    created_at          datetime     not null,
    application_no      varchar(64),
    process_instance_id varchar(64)  not null,
    task_key            varchar(255),
    task_name           varchar(255),
    primary key (task_id, group_id)
) ${tableOptions};

-- a queue in order, without a sort: unassigned (the "next case" candidates), all (assigned or not), in districts
create index ix_work_item_free on work_item (group_id, assignee, due_sort, created_at);
create index ix_work_item_all on work_item (group_id, due_sort, created_at);
create index ix_work_item_district on work_item (group_id, district, due_sort, created_at);
-- a clerk's own tasks
create index ix_work_item_assignee on work_item (assignee, due_sort, created_at);
