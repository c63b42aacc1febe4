package cn.zs.civil.outbox;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link Outbox} on the platform's database: the row is written through MyBatis on the caller's connection, so it
 * commits or rolls back with the caller's transaction (a submission's, the engine's for a decision). After the
 * commit the dispatcher is nudged, so a message leaves within moments rather than at the next poll.
 */
@Component
class TransactionalOutbox implements Outbox {

    static final int MAX_KIND = 64;
    static final int MAX_KEY = 190;
    static final int MAX_PAYLOAD = 8192;

    private final OutboxMapper mapper;
    private final ObjectMapper json;
    private final OutboxDispatcher dispatcher;

    TransactionalOutbox(OutboxMapper mapper, ObjectMapper json, OutboxDispatcher dispatcher) {
        this.mapper = mapper;
        this.json = json;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean enqueue(String kind, String dedupeKey, String applicationNo, Map<String, String> payload) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("An outbox kind of 1 to " + MAX_KIND + " characters");
        }
        if (dedupeKey == null || dedupeKey.isBlank() || dedupeKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("An outbox dedupe key of 1 to " + MAX_KEY + " characters");
        }
        String body = toJson(payload == null ? Map.of() : new TreeMap<>(payload));
        if (body.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An outbox payload holds keys and codes: at most " + MAX_PAYLOAD
                    + " characters");
        }
        if (mapper.countByDedupeKey(dedupeKey) > 0) {
            return false;
        }
        try {
            mapper.insert(kind, dedupeKey, applicationNo, body, OutboxTime.now());
        } catch (DuplicateKeyException concurrent) {
            // Another transaction wrote the same message meanwhile (and committed first): this one is not needed.
            return false;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.nudge();
                }
            });
        } else {
            dispatcher.nudge();
        }
        return true;
    }

    private String toJson(Map<String, String> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
