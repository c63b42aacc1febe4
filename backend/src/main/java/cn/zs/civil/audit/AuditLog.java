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
import org.springframework.beans.factory.DisposableBean;
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


/**
 * Appends to the MAC-chained audit log, seals the chain, anchors its head outside the database and verifies it. An append joins the caller's transaction
 * when there is one (a decision and its audit row commit or roll back together) and takes no lock other writers
 * wait for; a sealer (every half second, on every node, one at a time through the chain's head row) numbers and
 * links what has committed, so appends from any number of threads and nodes form one chain. The time is the real
 * wall clock, not the engine's (which the demo clock may move).
 */
@Service
public class AuditLog implements DisposableBean {

    private static final String ROLE_PREFIX = "ROLE_";

    public static final String SYSTEM = "system";
    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 1000;
    private static final int SEAL_BATCH = 500;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final AuditMapper mapper;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate sealing;
    private final ObjectMapper canonicalJson;

    AuditLog(AuditMapper mapper, AuditKeys keys, AuditCheckpoints checkpoints, PlatformTransactionManager transactions,
            ObjectMapper json) {
        this.mapper = mapper;
        this.keys = keys;
        this.checkpoints = checkpoints;
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

    public void byUser(String actorId, java.util.Collection<String> roles, String action, String target,
            String outcome, Map<String, ?> before, Map<String, ?> after) {
        append(new Entry(actorId, String.join(",", new java.util.TreeSet<>(roles)), action, target, outcome, before,
                after));
    }

    /**
     * The platform roles of a signed-in caller as an entry records them: its authorities with Spring Security's role
     * prefix ({@code ROLE_}, as {@code identity.PlatformUser} grants them), sorted, comma-separated.
     */
    public static String rolesOf(org.springframework.security.core.Authentication who) {
        java.util.TreeSet<String> roles = new java.util.TreeSet<>();
        who.getAuthorities().forEach(a -> {
            if (a.getAuthority() != null && a.getAuthority().startsWith(ROLE_PREFIX)) {
                roles.add(a.getAuthority().substring(ROLE_PREFIX.length()));
            }
        });
        return String.join(",", roles);
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
                json(entry.before()), json(entry.after()), limit(clientIp, 64), null, null, null);
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
        String keyId = keys.activeKeyId();
        for (AuditRow p : pending) {
            seq++;
            AuditRow numbered = new AuditRow(p.id(), seq, p.occurredAt(), p.actorId(), p.actorRoles(), p.action(),
                    p.target(), p.outcome(), p.beforeState(), p.afterState(), p.clientIp(), previous, null, keyId);
            String hash = hash(numbered);
            mapper.seal(p.id(), seq, previous, hash, keyId);
            previous = hash;
        }
        mapper.moveHead(seq, previous);
        return pending.size();
    }

    /**
     * The result of walking the chain from its first row and comparing it with the checkpoints outside the
     * database: the first entry that is wrong or missing, and why.
     */
    public record Verification(long rowsChecked, boolean intact, Long firstBrokenSeq, String problem, long headSeq,
            String headHash, int checkpointsChecked) {
    }

    /**
     * Anchors the head outside the database (see {@link AuditCheckpoints}): at least every
     * {@code platform.audit.checkpoint-interval} when the chain has grown, and when the application stops.
     */
    @Scheduled(fixedDelayString = "${platform.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${platform.audit.checkpoint-interval:PT5M}")
    public void checkpoint() {
        try {
            seal();
            checkpoints.append(head());
        } catch (RuntimeException e) {
            log.error("Could not write the audit checkpoint to {}", checkpoints.file(), e);
        }
    }

    @Override
    public void destroy() {
        checkpoint();
    }

    AuditMapper.Head head() {
        return readOnly.execute(status -> mapper.head());
    }

    /**
     * Seals what is pending, then recomputes every link and MAC and compares the chain with every checkpoint in
     * the file; reports the first entry whose link or content does not match (an edited row, a tail re-hashed
     * without the key), or the first one missing (a tail cut off, even with its head moved back).
     */
    public Verification verify() {
        seal();
        List<AuditCheckpoints.Checkpoint> anchors = checkpoints.read();
        for (AuditCheckpoints.Checkpoint c : anchors) {
            if (!c.authentic()) {
                return new Verification(0, false, null, "checkpoint line " + c.line() + " of " + checkpoints.file()
                        + " does not verify under the audit keys", 0, null, anchors.size());
            }
        }
        java.util.NavigableMap<Long, AuditCheckpoints.Checkpoint> bySeq = new java.util.TreeMap<>();
        anchors.forEach(c -> bySeq.put(c.seq(), c));
        return readOnly.execute(status -> {
            AuditMapper.Head head = mapper.head();
            String previous = GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            boolean keyed = false;
            while (true) {
                List<AuditRow> rows = mapper.page(expectedSeq - 1, PAGE);
                for (AuditRow row : rows) {
                    checked++;
                    if (row.seq() != expectedSeq) {
                        return broken(checked, expectedSeq, "entry " + expectedSeq + " is missing", head, anchors);
                    }
                    if (!row.prevHash().equals(previous)) {
                        return broken(checked, row.seq(), "does not link to the entry before it", head, anchors);
                    }
                    if (row.keyId() == null && keyed) {
                        return broken(checked, row.seq(), "has no MAC after entries that have one (re-hashed without"
                                + " the key)", head, anchors);
                    }
                    if (row.keyId() != null && !keys.knows(row.keyId())) {
                        return broken(checked, row.seq(), "names key '" + row.keyId() + "', which is not configured",
                                head, anchors);
                    }
                    if (!hash(row).equals(row.rowHash())) {
                        return broken(checked, row.seq(), "its content does not match its "
                                + (row.keyId() == null ? "hash" : "MAC (edited, or re-hashed without the key)"), head,
                                anchors);
                    }
                    AuditCheckpoints.Checkpoint anchor = bySeq.get(row.seq());
                    if (anchor != null && !anchor.hash().equals(row.rowHash())) {
                        return broken(checked, row.seq(), "differs from the checkpoint of " + anchor.at(), head, anchors);
                    }
                    keyed |= row.keyId() != null;
                    previous = row.rowHash();
                    expectedSeq++;
                }
                if (rows.size() < PAGE) {
                    break;
                }
            }
            long last = expectedSeq - 1;
            if (head.lastSeq() != last || !head.lastHash().equals(previous)) {
                return broken(checked, expectedSeq, "the chain ends at entry " + last + " but its head names entry "
                        + head.lastSeq(), head, anchors);
            }
            if (!bySeq.isEmpty() && bySeq.lastKey() > last) {
                AuditCheckpoints.Checkpoint anchor = bySeq.lastEntry().getValue();
                return broken(checked, last + 1, "the chain ends at entry " + last + " but the checkpoint of "
                        + anchor.at() + " names entry " + anchor.seq() + " (the tail was cut off)", head, anchors);
            }
            return new Verification(checked, true, null, null, head.lastSeq(), head.lastHash(), anchors.size());
        });
    }

    /** Sealed entries after a sequence number (what is pending is sealed first). */
    public List<AuditRow> page(long afterSeq, int limit) {
        seal();
        return mapper.page(afterSeq, limit);
    }

    private static Verification broken(long checked, long seq, String problem, AuditMapper.Head head,
            List<AuditCheckpoints.Checkpoint> anchors) {
        return new Verification(checked, false, seq, problem, head.lastSeq(), head.lastHash(), anchors.size());
    }

    /**
     * HMAC-SHA256, under the key the row names, over the previous hash and the row's canonical content (a JSON
     * array in a fixed order); plain SHA-256 for an entry sealed before the chain was keyed.
     */
    String hash(AuditRow row) {
        List<Object> content = new ArrayList<>(Arrays.asList(row.seq(), TIME.format(row.occurredAt()), row.actorId(),
                row.actorRoles(), row.action(), row.target(), row.outcome(), row.beforeState(), row.afterState(),
                row.clientIp()));
        try {
            String canonical = row.prevHash() + "\n" + canonicalJson.writeValueAsString(content);
            if (row.keyId() != null) {
                return keys.mac(row.keyId(), canonical);
            }
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
