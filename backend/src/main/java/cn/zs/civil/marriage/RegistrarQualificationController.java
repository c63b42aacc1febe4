package cn.zs.civil.marriage;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Registrar qualifications", description = "Marriage registrars' certificates (2003 regulations Art. 3)")
class RegistrarQualificationController {

    private final RegistrarQualifications qualifications;
    private final CurrentUser currentUser;

    RegistrarQualificationController(RegistrarQualifications qualifications, CurrentUser currentUser) {
        this.qualifications = qualifications;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The marriage registrars with their qualifications and how each stands today (section chief)")
    @GetMapping("/api/registrar-qualifications")
    @PreAuthorize("hasRole('chief')")
    List<RegistrarQualifications.RegistrarView> registrars() {
        return qualifications.registrars();
    }

    @Operation(summary = "Record or renew a registrar's qualification: certificate, authority, validity (audited)")
    @PutMapping("/api/registrar-qualifications/{username}")
    @PreAuthorize("hasRole('chief')")
    RegistrarQualifications.RegistrarView record(@PathVariable String username,
            @RequestBody(required = false) RegistrarQualifications.Recording recording, Locale locale) {
        return qualifications.record(currentUser.get(), username, recording, locale);
    }
}
