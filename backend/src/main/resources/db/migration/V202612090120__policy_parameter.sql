-- Policy without a release, the [S]/[M] parameters (issue 21): a change of one parameter value (a service's time
-- limit, a correction period, the rating window, the funeral claim window) is a policy change like a decision
-- table's, proposed by one administrator and approved or rejected by another, in the same table. Its kind tells
-- them apart; decision_key holds the parameter's key, parameter_value the proposed value, decision_version the
-- parameter's version on approval (1, 2, ...; 0 is the jar's, cn.zs.civil.policy.PolicyParameterValues).
alter table policy_change add column kind varchar(16) default 'DECISION' not null;
alter table policy_change add column parameter_value int;

-- One approved version per number and key (two approvals on the same base cannot both take the same number).
create unique index ux_policy_change_version on policy_change (kind, decision_key, decision_version);
