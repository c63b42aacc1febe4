package cn.zs.civil.worklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The diagram of the model version a case runs on, with the steps it has passed and the ones it stands at, for the
 * UI's process view. The engine's history holds no personal data, so only element ids leave here.
 */
@RestController
@Tag(name = "Work queue")
class CaseDiagramController {

    private final ApplicationService applications;
    private final RepositoryService repository;
    private final HistoryService history;
    private final CurrentUser currentUser;

    CaseDiagramController(ApplicationService applications, RepositoryService repository, HistoryService history,
            CurrentUser currentUser) {
        this.applications = applications;
        this.repository = repository;
        this.history = history;
        this.currentUser = currentUser;
    }

    record CaseDiagram(String processDefinitionId, String xml, Set<String> done, Set<String> current) {
    }

    @Operation(summary = "A case's BPMN diagram with the steps done and current (its applicant, or staff of its queue and district)")
    @GetMapping("/api/cases/{applicationNo}/diagram")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    CaseDiagram diagram(@PathVariable String applicationNo) throws IOException {
        // The owner or entitled staff only; anyone else gets "not found", so numbers cannot be probed.
        ApplicationRow row = applications.readable(currentUser.get(), applicationNo);
        String xml;
        try (InputStream in = repository.getProcessModel(row.processDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> done = new LinkedHashSet<>();
        Set<String> current = new LinkedHashSet<>();
        if (row.processInstanceId() != null) {
            List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(row.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc().list();
            for (HistoricActivityInstance step : steps) {
                (step.getEndTime() == null ? current : done).add(step.getActivityId());
            }
        }
        done.removeAll(current);
        return new CaseDiagram(row.processDefinitionId(), xml, done, current);
    }
}
