-- One read model of the open human tasks (issue 18): work_item, written by the worklist's engine hook (WorkItems),
-- now also serves the managers' backlog and the owners of overdue cases, which read it through the worklist's query
-- port (OpenTasks). rp_open_task and rp_open_task_queue, the reports' second copy of the same tasks kept by a second
-- hook and a second backfill, are dropped.
--
-- What the backlog needs beside the queues' columns:
-- - the case's service, to group and filter without a join (the district is there already);
-- - one row per task to count a task once per step: a task offered to two queues has a row in each queue (and is in
--   both queues' backlog), and first_queue is 1 on exactly one of them (a task without a queue has one row, group '').
alter table work_item add column service_code varchar(64);
alter table work_item add column first_queue smallint default 1 not null;

-- The rows already there (an upgraded database): the service of their case, from the case's own row.
update work_item set service_code = (select a.service_code from application a
                                     where a.application_no = work_item.application_no)
where application_no is not null;

-- ... and the task counted once: on its first queue by name (the derived table is materialised, which MySQL needs
-- to read the table it updates).
update work_item set first_queue = 0
where exists (select 1 from (select task_id, min(group_id) as first_group from work_item
                             group by task_id having count(*) > 1) firsts
              where firsts.task_id = work_item.task_id and firsts.first_group <> work_item.group_id);

-- the open tasks of some cases: who holds an overdue case, a case's tasks
create index ix_work_item_case on work_item (application_no);

-- Every open task the engine has is in work_item: its hook writes in the task's own transaction, and at start the
-- worklist fills the rows of any open task of the engine's runtime tables that has none (WorkItems.backfill), so
-- a database upgraded from before work_item keeps its open tasks. rp_open_task held a subset (tasks of a case).
drop table rp_open_task_queue;
drop table rp_open_task;
