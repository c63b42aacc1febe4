package cn.zs.civil.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log for administrators: read it page by page, and verify its hash chain. */
@RestController
@Tag(name = "Audit log")
class AuditController {

    static final int MAX_PAGE = 500;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditRow> items, long nextAfterSeq) {
    }

    @Operation(summary = "Entries after a sequence number, oldest first (at most 500 per page; administrators)")
    @GetMapping("/api/admin/audit")
    @PreAuthorize(Roles.ONLY_ADMIN)
    AuditPage entries(@RequestParam(defaultValue = "0") long afterSeq, @RequestParam(defaultValue = "100") int limit) {
        List<AuditRow> rows = audit.page(Math.max(afterSeq, 0), Math.min(Math.max(limit, 1), MAX_PAGE));
        return new AuditPage(rows, rows.isEmpty() ? afterSeq : rows.get(rows.size() - 1).seq());
    }

    @Operation(summary = "Verify the hash chain from its first row; names the first broken link (administrators)")
    @GetMapping("/api/admin/audit/verify")
    @PreAuthorize(Roles.ONLY_ADMIN)
    AuditLog.Verification verify() {
        return audit.verify();
    }
}
