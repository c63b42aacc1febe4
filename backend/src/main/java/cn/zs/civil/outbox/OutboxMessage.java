package cn.zs.civil.outbox;

import java.util.Map;

/**
 * A message as its handler gets it: {@code attempt} counts from 1 (this delivery included), so a handler can tell a
 * retry; {@code id} is stable across attempts and nodes (e.g. for a Message-ID the receiver can deduplicate by).
 */
public record OutboxMessage(long id, String kind, String dedupeKey, String applicationNo, Map<String, String> payload,
        int attempt) {
}
