package cn.zs.civil.marriage;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Divorce counter steps", description = "Withdrawal during the cooling-off period; joint appearance")
class DivorceController {

    private final DivorceService divorces;
    private final CurrentUser currentUser;

    DivorceController(DivorceService divorces, CurrentUser currentUser) {
        this.divorces = divorces;
        this.currentUser = currentUser;
    }

    record WithdrawalRequest(String party, String idNumber) {
    }

    /** district: the registry where the couple appear (may be left out by a registrar bound to one registry). */
    record AppearanceRequest(String idNumberA, String idNumberB, String district) {
    }

    @Operation(summary = "The cooling-off period and the certificate window of a divorce, as computed at acceptance")
    @GetMapping("/api/divorces/{applicationNo}")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    DivorceService.Periods periods(@PathVariable String applicationNo) {
        return divorces.periods(currentUser.get(), applicationNo);
    }

    @Operation(summary = "Either party alone withdraws during the 30-day cooling-off period (recorded by the registrar)")
    @PostMapping("/api/divorces/{applicationNo}/withdrawal")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> withdraw(@PathVariable String applicationNo, @RequestBody WithdrawalRequest request) {
        divorces.withdraw(currentUser.get(), applicationNo, request == null ? null : request.party(),
                request == null ? null : request.idNumber());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Both parties appear in person to apply for the certificate, after the cooling-off period")
    @PostMapping("/api/divorces/{applicationNo}/appearance")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> appear(@PathVariable String applicationNo, @RequestBody AppearanceRequest request) {
        divorces.bothAppeared(currentUser.get(), applicationNo, request == null ? null : request.idNumberA(),
                request == null ? null : request.idNumberB(), request == null ? null : request.district());
        return ResponseEntity.noContent().build();
    }
}
