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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.zs.civil.identity.PlatformUser;

/**
 * Appends to the hash-chained audit log and verifies it. An append joins the caller's transaction when there is
 * one (a decision and its audit row commit or roll back together); writing locks the chain's head row until the
 * transaction ends, so appends from any number of threads and nodes form one chain. The time is the real wall
 * clock, not the engine's (which the demo clock may move).
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";
    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 1000;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final AuditMapper mapper;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate readOnly;
    private final ObjectMapper canonicalJson;

    AuditLog(AuditMapper mapper, PlatformTransactionManager transactions, ObjectMapper json) {
        this.mapper = mapper;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
     * Appends one entry. Inside a transaction the entry is written just before that transaction commits, so the
     * chain's head is locked only for the commit itself, after every row lock the business work needed: two
     * transactions never wait for each other's rows while one holds the head (no deadlock), and the entry commits or
     * rolls back with the decision it records. Outside a transaction it is written at once.
     */
    public void append(Entry entry) {
        String clientIp = clientIp();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            @SuppressWarnings("unchecked")
            List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                List<Pending> batch = new ArrayList<>();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        writeAll(batch);
                    }

                    // A nested REQUIRES_NEW transaction collects its own entries.
                    @Override
                    public void suspend() {
                        TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                    }

                    @Override
                    public void resume() {
                        TransactionSynchronizationManager.bindResource(AuditLog.this, batch);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                    }
                });
                pending = batch;
            }
            pending.add(new Pending(entry, clientIp));
            return;
        }
        joinOrStart.executeWithoutResult(status -> writeAll(List.of(new Pending(entry, clientIp))));
    }

    private record Pending(Entry entry, String clientIp) {
    }

    /** The chain's head is locked, each row hashed onto the one before, the head moved. */
    private void writeAll(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        AuditMapper.Head head = mapper.lockHead();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        for (Pending p : batch) {
            Entry entry = p.entry();
            seq++;
            LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
            AuditRow unsigned = new AuditRow(seq, now, limit(entry.actorId(), 128), limit(entry.actorRoles(), 200),
                    limit(entry.action(), 48), limit(entry.target(), 300), limit(entry.outcome(), 64),
                    json(entry.before()), json(entry.after()), limit(p.clientIp(), 64), previous, null);
            String hash = hash(unsigned);
            mapper.insert(new AuditRow(unsigned.seq(), unsigned.occurredAt(), unsigned.actorId(), unsigned.actorRoles(),
                    unsigned.action(), unsigned.target(), unsigned.outcome(), unsigned.beforeState(),
                    unsigned.afterState(), unsigned.clientIp(), unsigned.prevHash(), hash));
            previous = hash;
        }
        mapper.moveHead(seq, previous);
    }

    /** The result of walking the chain from its first row. */
    public record Verification(long rowsChecked, boolean intact, Long firstBrokenSeq, String problem, long headSeq,
            String headHash) {
    }

    /** Recomputes every link; reports the first row whose link or content does not match. */
    public Verification verify() {
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

    public List<AuditRow> page(long afterSeq, int limit) {
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
