package cn.zs.civil.application;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.identity.PlatformUser;

/** Writes and reads the audit trail of cases: every decision with who, when and what. */
@Component
public class CaseLog {

    public static final String SYSTEM = "system";

    private final ApplicationMapper mapper;
    private final ObjectMapper json;

    CaseLog(ApplicationMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    public void byUser(String applicationNo, CaseEventType type, PlatformUser user, TaskRef task, String outcome,
            Map<String, ?> data) {
        String role = user.roles().stream().findFirst().orElse(null);
        write(applicationNo, type, user.id(), role, task, outcome, data);
    }

    public void bySystem(String applicationNo, CaseEventType type, TaskRef task, String outcome, Map<String, ?> data) {
        write(applicationNo, type, SYSTEM, SYSTEM, task, outcome, data);
    }

    public List<CaseEventRow> events(String applicationNo) {
        return mapper.findEvents(applicationNo);
    }

    private void write(String applicationNo, CaseEventType type, String actor, String role, TaskRef task, String outcome,
            Map<String, ?> data) {
        mapper.insertEvent(new CaseEventRow(null, applicationNo, BusinessTime.now(), type.name(), actor, role,
                task == null ? null : task.id(), task == null ? null : task.key(), task == null ? null : task.name(),
                outcome, data == null || data.isEmpty() ? null : toJson(data)));
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
