/**
 * The transactional outbox (Architecture Amendment 14): messages and documents that a decision causes are written
 * as rows of {@code outbox_message} in the deciding transaction ({@link cn.zs.civil.outbox.Outbox#enqueue}), and
 * delivered after it commits by the {@link cn.zs.civil.outbox.OutboxHandler} of their kind: claimed under a lease
 * so that two nodes never deliver one message at once, retried with exponential back-off up to a cap, and marked
 * failed for good after {@code platform.outbox.max-attempts}, for an operator to see and retry. Stands on the floor
 * only: it knows no service module, no case and no person; its payloads are keys and codes.
 */
package cn.zs.civil.outbox;
