/**
 * The audit log: an append-only, hash-chained record of decisions (task completions, case outcomes,
 * withdrawals), sign-ins (success and failure), refusals (403 and object-level denials) and administrative actions
 * (calendar, demo clock, engine administration), with an administrators' endpoint that verifies the chain.
 */
package cn.zs.civil.audit;
