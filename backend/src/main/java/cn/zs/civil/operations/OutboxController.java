package cn.zs.civil.operations;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.Roles;
import cn.zs.civil.outbox.OutboxMessages;
import cn.zs.civil.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The outbox for administrators: messages per status, the ones failed for good, and a retry of one of them. */
@RestController
@Tag(name = "Operations")
class OutboxController {

    private final OutboxMessages outbox;

    OutboxController(OutboxMessages outbox) {
        this.outbox = outbox;
    }

    record OutboxSummary(Map<String, Long> counts, List<OutboxMessages.Failure> failed) {
    }

    @Operation(summary = "Outbox messages per status and the latest failed for good (at most 200; administrators)")
    @GetMapping("/api/admin/outbox")
    @PreAuthorize(Roles.ONLY_ADMIN)
    OutboxSummary summary(@RequestParam(defaultValue = "50") int limit) {
        return new OutboxSummary(outbox.counts(), outbox.failed(limit));
    }

    @Operation(summary = "Deliver a message failed for good once more, its attempts counted afresh (administrators)")
    @PostMapping("/api/admin/outbox/{id}/retry")
    @PreAuthorize(Roles.ONLY_ADMIN)
    ResponseEntity<Void> retry(@PathVariable String id) {
        // A String, parsed here: a malformed id is answered like an unknown one, after the role check.
        if (!id.matches("[0-9]{1,18}") || !outbox.retry(Long.parseLong(id))) {
            throw ApiException.conflict("outbox.notFailed");
        }
        return ResponseEntity.noContent().build();
    }
}
