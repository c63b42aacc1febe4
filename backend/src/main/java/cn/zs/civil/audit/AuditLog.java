package cn.zs.civil.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.zs.civil.identity.PlatformUser;

/**
 * Appends to the hash-chained audit log, seals the chain and verifies it. An append joins the caller's transaction
 * when there is one (a decision and its audit row commit or roll back together) and takes no lock other writers
 * wait for; a sealer (every half second, on every node, one at a time through the chain's head row) numbers and
 * links what has committed, so appends from any number of threads and nodes form one chain. The time is the real
 * wall clock, not the engine's (which the demo clock may move).
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";
    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 1000;
    private static final int SEAL_BATCH = 500;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final AuditMapper mapper;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate sealing;
    private final ObjectMapper canonicalJson;

    AuditLog(AuditMapper mapper, PlatformTransactionManager transactions, ObjectMapper json) {
        this.mapper = mapper;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sealing = new TransactionTemplate(transactions);
        this.sealing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** What happened, to what, by whom; {@code before}/{@code after} are the state around it (no personal data). */
    public record Entry(String actorId, String actorRoles, String action, String target, String outcome,
            Map<String, ?> before, Map<String, ?> after) {
    }

    public void byUser(PlatformUser user, String action, String target, String outcome, Map<String, ?> before,
            Map<String, ?> after) {
        append(new Entry(user.id(), String.join(",", new java.util.TreeSet<>(user.roles())), action, target, outcome,
                before, after));
    }

    public void bySystem(String action, String target, String outcome, Map<String, ?> before, Map<String, ?> after) {
        append(new Entry(SYSTEM, SYSTEM, action, target, outcome, before, after));
    }

    /**
     * For what is recorded beside a request rather than as part of it (sign-ins, refusals): a failure to record is
     * logged and does not change the answer the caller gets.
     */
    public void bestEffort(Entry entry) {
        try {
            append(entry);
        } catch (RuntimeException e) {
            log.error("Could not write the audit log entry {} {}", entry.action(), entry.target(), e);
        }
    }

    /**
     * Appends one entry: inside a transaction it is written there (it commits or rolls back with the decision it
     * records), otherwise at once. It is not numbered or hashed here: {@link #seal} does that behind the writers, so
     * no writer waits for another's commit (the chain's head used to be locked by every transaction that wrote an
     * entry, until its commit: one queue for the whole application).
     */
    public void append(Entry entry) {
        String clientIp = clientIp();
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
        AuditRow row = new AuditRow(0, 0, now, limit(entry.actorId(), 128), limit(entry.actorRoles(), 200),
                limit(entry.action(), 48), limit(entry.target(), 300), limit(entry.outcome(), 64),
                json(entry.before()), json(entry.after()), limit(clientIp, 64), null, null);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            mapper.insert(row);
        } else {
            joinOrStart.executeWithoutResult(status -> mapper.insert(row));
        }
    }

    /**
     * Seals the committed entries not yet in the chain, in the order of their ids, a batch per transaction: the
     * chain's head is locked (sealers on any node take turns), each entry numbered, hashed onto the one before it,
     * and the head moved. An entry committed late (a long transaction) is sealed when it is seen, after entries
     * written later: the chain's order is the order of sealing.
     *
     * @return the number of entries sealed
     */
    @Scheduled(fixedDelayString = "${platform.audit.seal-interval:PT0.5S}",
            initialDelayString = "${platform.audit.seal-interval:PT0.5S}")
    public int seal() {
        int sealed = 0;
        while (true) {
            Integer batch = sealing.execute(status -> sealBatch());
            sealed += batch == null ? 0 : batch;
            if (batch == null || batch < SEAL_BATCH) {
                return sealed;
            }
        }
    }

    private int sealBatch() {
        AuditMapper.Head head = mapper.lockHead();
        List<AuditRow> pending = mapper.unsealed(SEAL_BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String previous = head.lastHash();
        for (AuditRow p : pending) {
            seq++;
            AuditRow numbered = new AuditRow(p.id(), seq, p.occurredAt(), p.actorId(), p.actorRoles(), p.action(),
                    p.target(), p.outcome(), p.beforeState(), p.afterState(), p.clientIp(), previous, null);
            String hash = hash(numbered);
            mapper.seal(p.id(), seq, previous, hash);
            previous = hash;
        }
        mapper.moveHead(seq, previous);
        return pending.size();
    }

    /** The result of walking the chain from its first row. */
    public record Verification(long rowsChecked, boolean intact, Long firstBrokenSeq, String problem, long headSeq,
            String headHash) {
    }

    /**
     * Seals what is pending, then recomputes every link; reports the first row whose link or content does not
     * match.
     */
    public Verification verify() {
        seal();
        return readOnly.execute(status -> {
            AuditMapper.Head head = mapper.head();
            String previous = GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            while (true) {
                List<AuditRow> rows = mapper.page(expectedSeq - 1, PAGE);
                for (AuditRow row : rows) {
                    checked++;
                    if (row.seq() != expectedSeq) {
                        return broken(checked, expectedSeq, "row " + expectedSeq + " is missing", head);
                    }
                    if (!row.prevHash().equals(previous)) {
                        return broken(checked, row.seq(), "does not link to the row before it", head);
                    }
                    if (!hash(row).equals(row.rowHash())) {
                        return broken(checked, row.seq(), "its content does not match its hash", head);
                    }
                    previous = row.rowHash();
                    expectedSeq++;
                }
                if (rows.size() < PAGE) {
                    break;
                }
            }
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
                return broken(checked, expectedSeq, "the chain ends at row " + (expectedSeq - 1)
                        + " but its head names row " + head.lastSeq(), head);
            }
            return new Verification(checked, true, null, null, head.lastSeq(), head.lastHash());
        });
    }

    /** Sealed entries after a sequence number (what is pending is sealed first). */
    public List<AuditRow> page(long afterSeq, int limit) {
        seal();
        return mapper.page(afterSeq, limit);
    }

    private static Verification broken(long checked, long seq, String problem, AuditMapper.Head head) {
        return new Verification(checked, false, seq, problem, head.lastSeq(), head.lastHash());
    }

    /** SHA-256 over the previous hash and the row's canonical content (a JSON array in a fixed order). */
    String hash(AuditRow row) {
        List<Object> content = new ArrayList<>(Arrays.asList(row.seq(), TIME.format(row.occurredAt()), row.actorId(),
                row.actorRoles(), row.action(), row.target(), row.outcome(), row.beforeState(), row.afterState(),
                row.clientIp()));
        try {
            String canonical = row.prevHash() + "\n" + canonicalJson.writeValueAsString(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Map<String, ?> state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        try {
            return canonicalJson.writeValueAsString(new TreeMap<>(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
