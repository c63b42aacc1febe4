package cn.zs.civil.application;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.SealedText;

/**
 * Writes and reads the audit trail of cases: every decision with who, when and what. Each event also goes into the
 * hash-chained audit log (in the same transaction) with the case's status and outcome after it, and before it where
 * the caller knows; form values (personal data) stay in the case's own trail. Each written event is published as
 * {@link CaseLogged} in the same transaction.
 */
@Component
public class CaseLog {

    public static final String SYSTEM = "system";

    private final ApplicationMapper mapper;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final SealedText sealed;
    private final ApplicationEventPublisher events;

    CaseLog(ApplicationMapper mapper, ObjectMapper json, AuditLog audit, SealedText sealed,
            ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.json = json;
        this.audit = audit;
        this.sealed = sealed;
        this.events = events;
    }

    public void byUser(String applicationNo, CaseEventType type, PlatformUser user, TaskRef task, String outcome,
            Map<String, ?> data) {
        String role = user.roles().stream().findFirst().orElse(null);
        write(applicationNo, type, user.id(), role, task, outcome, data);
        audit.byUser(user.id(), user.roles(), "CASE_" + type.name(), applicationNo, outcome, null,
                after(applicationNo, task, data));
    }

    public void bySystem(String applicationNo, CaseEventType type, TaskRef task, String outcome, Map<String, ?> data) {
        bySystem(applicationNo, type, task, outcome, data, null);
    }

    /** A system event whose caller knows the case's state before it (an outcome replacing a status). */
    public void bySystem(String applicationNo, CaseEventType type, TaskRef task, String outcome, Map<String, ?> data,
            Map<String, ?> before) {
        write(applicationNo, type, SYSTEM, SYSTEM, task, outcome, data);
        audit.bySystem("CASE_" + type.name(), applicationNo, outcome, before, after(applicationNo, task, data));
    }

    /**
     * A signed-in caller asked for a case that is not theirs to see or act on (answered as "not found", so numbers
     * cannot be probed): recorded as a refusal.
     */
    public void denied(PlatformUser user, String applicationNo, String attempted) {
        audit.bestEffort(new AuditLog.Entry(user.id(), String.join(",", new java.util.TreeSet<>(user.roles())),
                "ACCESS_DENIED", applicationNo, "NOT_YOURS", null, Map.of("attempted", attempted)));
    }

    /** The case's status and outcome as they are now, the task, and a reason code: never form values. */
    private Map<String, Object> after(String applicationNo, TaskRef task, Map<String, ?> data) {
        Map<String, Object> after = new java.util.TreeMap<>();
        ApplicationMapper.CaseState state = mapper.findState(applicationNo);
        if (state != null) {
            after.put("status", state.status());
            if (state.outcome() != null) {
                after.put("outcome", state.outcome());
            }
        }
        if (task != null) {
            after.put("task", task.key());
        }
        if (data != null && data.get("reasonCode") != null) {
            after.put("reasonCode", String.valueOf(data.get("reasonCode")));
        }
        return after;
    }

    /** The case's events, their data opened (sealed at rest: free text such as a comment may carry personal data). */
    public List<CaseEventRow> events(String applicationNo) {
        return mapper.findEvents(applicationNo).stream().map(e -> e.data() == null ? e
                : e.withData(sealed.open(SealedText.Column.CASE_EVENT_DATA, applicationNo, e.data()))).toList();
    }

    private void write(String applicationNo, CaseEventType type, String actor, String role, TaskRef task, String outcome,
            Map<String, ?> data) {
        mapper.insertEvent(new CaseEventRow(null, applicationNo, BusinessTime.now(), type.name(), actor, role,
                task == null ? null : task.id(), task == null ? null : task.key(), task == null ? null : task.name(),
                outcome, data == null || data.isEmpty() ? null
                        : sealed.seal(SealedText.Column.CASE_EVENT_DATA, applicationNo, toJson(data))));
        events.publishEvent(new CaseLogged(applicationNo, type, outcome));
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task an event belongs to, if any. */
    public record TaskRef(String id, String key, String name) {
    }
}
