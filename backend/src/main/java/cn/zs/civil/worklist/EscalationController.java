package cn.zs.civil.worklist;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Escalations", description = "Overdue cases escalated to the section chiefs (督办)")
class EscalationController {

    private final Escalations escalations;
    private final CurrentUser currentUser;

    EscalationController(Escalations escalations, CurrentUser currentUser) {
        this.escalations = escalations;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Open escalations of my districts, most overdue first (chiefs and directors)")
    @GetMapping("/api/escalations")
    @PreAuthorize("hasAnyRole('chief','director')")
    List<Escalations.EscalationView> open(Locale locale) {
        return escalations.open(currentUser.get(), locale);
    }

    @Operation(summary = "Acknowledge an escalation (the chief has taken it up)")
    @PostMapping("/api/escalations/{applicationNo}/acknowledge")
    @PreAuthorize("hasRole('chief')")
    ResponseEntity<Void> acknowledge(@PathVariable String applicationNo) {
        escalations.acknowledge(currentUser.get(), applicationNo);
        return ResponseEntity.noContent().build();
    }
}
