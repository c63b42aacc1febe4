/**
 * Policy without a release (issue 21): the bureau's administrators change a DMN decision table through the platform.
 * One administrator proposes a new version of a table (its rules, a reason and an effective date), a second one
 * approves or rejects it; both are audited. On approval the platform itself deploys the new table through the
 * engine's RepositoryService (a deployment of source {@code policy}, the effective date as the decision's
 * versionTag); the engine's REST API and Cockpit never deploy. When a case is accepted (its process starts) the
 * version of each decision its process uses that is in force on that day is recorded on the case
 * ({@code policyVersion.<decision key>}), and its business-rule tasks and the Java evaluations use that version,
 * so a case keeps the rules it was accepted under. {@link cn.zs.civil.policy.PolicyVersions} is that resolution,
 * on the engine's API only, so the engine-only process tests use it as production does.
 */
package cn.zs.civil.policy;
