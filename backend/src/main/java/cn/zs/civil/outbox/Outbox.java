package cn.zs.civil.outbox;

import java.util.Map;

/** Written in the caller's transaction (the decision's); delivered after commit by the handler of its kind, once. */
public interface Outbox {

    /** @return false when a message with this dedupe key exists already (nothing written) */
    boolean enqueue(String kind, String dedupeKey, String applicationNo, Map<String, String> payload);
}
