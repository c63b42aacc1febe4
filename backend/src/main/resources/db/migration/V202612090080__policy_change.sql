-- Policy without a release (issue 21): a change to one DMN decision table, proposed by one administrator and
-- approved or rejected by another. The proposed table is kept as the DMN the platform will deploy; on approval the
-- engine's decision definition (its id and version) is recorded here, the effective date is also the decision's
-- versionTag in the engine (which is what a case's acceptance reads, see cn.zs.civil.policy).
create table policy_change (
    id                     bigint        not null primary key,
    decision_key           varchar(64)   not null,
    status                 varchar(16)   not null,
    base_version           int           not null,
    rules_json             longtext      not null,
    dmn_xml                longtext      not null,
    reason                 varchar(500)  not null,
    effective_date         date          not null,
    proposed_by            varchar(64)   not null,
    proposed_at            timestamp     not null,
    decided_by             varchar(64),
    decided_at             timestamp,
    decision_reason        varchar(500),
    deployment_id          varchar(64),
    decision_definition_id varchar(64),
    decision_version       int
) ${tableOptions};

create index ix_policy_change_decision on policy_change (decision_key, status);
