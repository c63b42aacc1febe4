-- Generates 1,000,000 completed and 100,000 open cases of realistic shape straight into the tables the reports read
-- (the schema is the application's: start it once on the empty database so Flyway and Camunda create it).
-- MariaDB only: rows come from the SEQUENCE engine (seq_1_to_N) with INSERT ... SELECT, and every "random" choice
-- is a CRC32 of the row number, so two runs generate the same data.
--
-- Shape: ~100,000 cases a year from 2017-01-01 to 2026-10; services in the bureau's proportions; the 23 districts;
-- 40 % online; 5 % withdrawn, 7 % refused or not eligible, 10 % of divorces lapse after the cooling-off period;
-- 80 % with a statutory clock, a fifth of those paused once (corrections or expert review); 15 % with a correction
-- notice; two user tasks per completed case in the engine's history, and one open task per open case in the open
-- tasks' read model (work_item), offered to its service's queue.
-- The reporting tables (rp_case, rp_task) are not written here: run.sh starts the application again
-- afterwards, and its start-up backfill (ReportFacts) fills them from these rows with the same code that writes them
-- when a case ends or a task changes. Form data is a placeholder under the key id "bench" (run.sh's key), so the
-- start-up re-sealing leaves the 1.1 million rows alone; the reports never read form data.

set @districts = 'shiqi,dongqu,xiqu,nanqu,wuguishan,zhongshangang,minzhong,nanlang,xiaolan,guzhen,tanzhou,huangpu,sanxiang,dongfeng,nantou,shaxi,henglan,sanjiao,gangkou,dayong,banfu,shenwan,fusha';

delete from ACT_HI_IDENTITYLINK where ID_ like 'bench-%';
delete from ACT_HI_TASKINST where ID_ like 'bench-%';
delete from work_item where task_id like 'bench-%';
delete from clock_case_pause where application_no like 'B%';
delete from clock_case_clock where application_no like 'B%';
delete from correction_notice where application_no like 'B%';
delete from marriage_case where application_no like 'B%';
delete from funeral_waiver where application_no like 'B%';
delete from application where application_no like 'B%';

-- Completed cases: received 08:00-17:00, about 280 a day, decided 30 minutes to 25 days later.
insert into application (application_no, query_code, service_code, process_instance_id, applicant_id, channel,
                         district, status, outcome, form_data, received_at, accepted_at, decided_at, closed_at,
                         updated_at)
select no, lpad(seq % 1000000, 6, '0'), svc, concat('bench-pi-', seq), concat('bench-applicant-', seq % 50000),
       if(crc32(concat('c', seq)) % 10 < 4, 'ONLINE', 'COUNTER'),
       substring_index(substring_index(@districts, ',', 1 + crc32(concat('d', seq)) % 23), ',', -1),
       case when o < 5 then 'WITHDRAWN' when svc = 'divorce-registration' and o < 15 then 'CLOSED' else 'DECIDED' end,
       case when o < 5 then 'WITHDRAWN'
            when svc = 'divorce-registration' and o < 15 then 'DEEMED_WITHDRAWN'
            when o < 22 then if(svc like 'funeral%', 'NOT_ELIGIBLE', 'REFUSED')
            else case svc when 'funeral-fee-waiver' then 'WAIVED' when 'funeral-fee-reimbursement' then 'PAID'
                          when 'marriage-registration' then 'REGISTERED' when 'divorce-registration' then 'REGISTERED'
                          else 'APPROVED' end end,
       'enc:v1:bench:placeholder', rcv, rcv, dec_at, dec_at, dec_at
from (select seq, concat('BC', lpad(seq, 9, '0')) as no, crc32(concat('o', seq)) % 100 as o,
             case when h < 35 then 'marriage-registration' when h < 50 then 'divorce-registration'
                  when h < 75 then 'funeral-fee-waiver' when h < 85 then 'funeral-fee-reimbursement'
                  when h < 90 then 'socialorg-establishment' when h < 94 then 'socialorg-change'
                  when h < 96 then 'socialorg-cancellation' else 'placename-approval' end as svc,
             rcv, rcv + interval (30 + crc32(concat('t', seq)) % (25 * 1440)) minute as dec_at
      from (select seq, crc32(concat('s', seq)) % 100 as h,
                   timestamp('2017-01-01 08:00:00') + interval (seq div 280) day
                       + interval (crc32(concat('m', seq)) % 540) minute as rcv
            from seq_1_to_1000000) b) x;

-- Open cases: received in the last 60 days, under review.
insert into application (application_no, query_code, service_code, process_instance_id, applicant_id, channel,
                         district, status, form_data, received_at, accepted_at, updated_at)
select concat('BO', lpad(seq, 9, '0')), lpad(seq, 6, '0'),
       case when h < 35 then 'marriage-registration' when h < 50 then 'divorce-registration'
            when h < 75 then 'funeral-fee-waiver' when h < 85 then 'funeral-fee-reimbursement'
            when h < 90 then 'socialorg-establishment' when h < 94 then 'socialorg-change'
            when h < 96 then 'socialorg-cancellation' else 'placename-approval' end,
       concat('bench-pi-open-', seq), concat('bench-applicant-', seq % 50000),
       if(crc32(concat('c', seq)) % 10 < 4, 'ONLINE', 'COUNTER'),
       substring_index(substring_index(@districts, ',', 1 + crc32(concat('d', seq)) % 23), ',', -1),
       if(h % 7 = 0, 'WAITING_FOR_CORRECTIONS', 'UNDER_REVIEW'), 'enc:v1:bench:placeholder', rcv, rcv, rcv
from (select seq, crc32(concat('s', seq)) % 100 as h,
             now() - interval (seq % 60) day - interval (crc32(concat('m', seq)) % 600) minute as rcv
      from seq_1_to_100000) b;

-- Statutory clocks for 80 % of the cases (20 working days; funeral 10; a promise of half), stopped on the decision.
insert into clock_case_clock (application_no, started_at, limit_unit, statutory_days, promised_days, stopped_at)
select application_no, received_at, 'WORKING', if(service_code like 'funeral%', 10, 20),
       if(service_code like 'funeral%', 5, 10), decided_at
from application where application_no like 'B%' and crc32(concat('k', application_no)) % 10 < 8;

-- A fifth of the clocked cases paused once: from the next day for one to four days (open cases: still paused).
insert into clock_case_pause (application_no, seq, reason, started_at, ended_at)
select c.application_no, 1, if(crc32(concat('r', c.application_no)) % 3 = 0, 'EXPERT_REVIEW', 'CORRECTIONS'),
       c.started_at + interval 1 day,
       if(c.stopped_at is null, null, least(c.stopped_at, c.started_at + interval (1 + crc32(concat('p', c.application_no)) % 4) day))
from clock_case_clock c
where c.application_no like 'B%' and crc32(concat('q', c.application_no)) % 5 = 0
  and (c.stopped_at is null or c.stopped_at > c.started_at + interval 1 day)
  and (c.stopped_at is not null or c.started_at + interval 1 day < now());

insert into correction_notice (application_no, items, requested_by, requested_at, supplied_at)
select application_no, '[]', 'bench-clerk', received_at, received_at + interval 1 day
from application where application_no like 'B%' and crc32(concat('n', application_no)) % 100 < 15;

insert into marriage_case (application_no, service_code, non_local)
select application_no, service_code, crc32(concat('l', application_no)) % 10 = 0
from application where application_no like 'B%' and service_code in ('marriage-registration', 'divorce-registration');

insert into funeral_waiver (application_no, deceased_key, waiver_path, charged_amount, waived_amount, special_group,
                            waiver_lines, rule_versions, decided_at)
select application_no, sha2(application_no, 256), 'A', 2000 + crc32(concat('a', application_no)) % 300000 / 100,
       2000 + crc32(concat('a', application_no)) % 300000 / 100, 'NONE', '[]', 'bench', decided_at
from application where application_no like 'BC%' and outcome = 'WAIVED';

-- Engine history: two completed user tasks per completed case (check, then decide) by 40 clerks ...
insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_,
                             DELETE_REASON_, TASK_STATE_)
select concat('bench-', k, '-', application_no), if(k = 1, 'Task_CheckMaterials', 'Task_Decide'),
       process_instance_id, if(k = 1, '审查材料', '作出决定'),
       concat('clerk-', crc32(concat(k, application_no)) % 40),
       if(k = 1, received_at, received_at + interval timestampdiff(second, received_at, decided_at) div 2 second),
       if(k = 1, received_at + interval timestampdiff(second, received_at, decided_at) div 2 second, decided_at),
       'completed', 'Completed'
from application join (select 1 as k union all select 2) ks
where application_no like 'BC%' and status <> 'WITHDRAWN';

-- ... and one open task per open case, half of them claimed, offered to the service's queue: a row of the open
-- tasks' one read model (work_item, which the platform's engine hook writes in each task's transaction; these tasks
-- have no engine runtime rows, so only the backlog and the overdue cases' holders see them, as before).
insert into work_item (task_id, group_id, district, assignee, due_sort, created_at, application_no,
                       process_instance_id, task_key, task_name, service_code, first_queue)
select concat('bench-1-', application_no),
       case when service_code like 'funeral%' then 'funeral-review' when service_code like 'socialorg%'
            then 'socialorg-review' when service_code like 'placename%' then 'placename-review'
            else 'marriage-registrar' end,
       district,
       if(crc32(concat('u', application_no)) % 2 = 0, null, concat('clerk-', crc32(application_no) % 40)),
       '9999-12-31 00:00:00', received_at + interval 10 minute, application_no, process_instance_id,
       'Task_CheckMaterials', '审查材料', service_code, 1
from application where application_no like 'BO%';

analyze table application, clock_case_clock, clock_case_pause, correction_notice, marriage_case, funeral_waiver,
    ACT_HI_TASKINST, work_item;

select 'completed' as kind, count(*) from application where application_no like 'BC%'
union all select 'open', count(*) from application where application_no like 'BO%'
union all select 'tasks', count(*) from ACT_HI_TASKINST where ID_ like 'bench-%'
union all select 'open tasks', count(*) from work_item where task_id like 'bench-%';
