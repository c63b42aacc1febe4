package cn.zs.civil.socialorg.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.socialorg.SocialOrgService;
import cn.zs.civil.socialorg.credit.SeriousList;
import cn.zs.civil.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Social-organisation supervision", description = "Activity-abnormal list, annual work reports, an organisation's credit standing")
class SupervisionController {

    private final AbnormalList abnormal;
    private final AnnualReports reports;
    private final SeriousList seriousList;
    private final SocialOrgService register;
    private final SealAndAccountFilings filings;
    private final Revocations revocations;
    private final CurrentUser currentUser;

    SupervisionController(AbnormalList abnormal, AnnualReports reports, SeriousList seriousList,
            SocialOrgService register, SealAndAccountFilings filings, Revocations revocations,
            CurrentUser currentUser) {
        this.revocations = revocations;
        this.filings = filings;
        this.abnormal = abnormal;
        this.reports = reports;
        this.seriousList = seriousList;
        this.register = register;
        this.currentUser = currentUser;
    }

    /** Staff (the role; the platform's policy is by role, like the section's other endpoints). */
    private PlatformUser section() {
        return currentUser.get();
    }

    /** A malformed id is answered like an unknown one, after the role check. */
    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("socialorg.abnormal.notFound", id);
        }
    }

    @Operation(summary = "The organisations on the activity-abnormal list now (活动异常名录)")
    @GetMapping("/api/socialorg/abnormal-list")
    @PreAuthorize(Roles.STAFF)
    List<AbnormalList.Entry> abnormalList(Locale locale) {
        section();
        return abnormal.current(locale);
    }

    @Operation(summary = "List an organisation of the register with the ground, reason and date")
    @PostMapping("/api/socialorg/abnormal-list")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.STAFF)
    AbnormalList.Entry list(@RequestBody(required = false) AbnormalList.Listing listing, Locale locale) {
        return abnormal.list(section(), listing, locale);
    }

    @Operation(summary = "The cause was verified as cured on that day: removal due within the set working days")
    @PostMapping("/api/socialorg/abnormal-list/{id}/cure")
    @PreAuthorize(Roles.STAFF)
    AbnormalList.Entry cured(@PathVariable String id, @RequestBody(required = false) AbnormalList.Cure cure,
            Locale locale) {
        return abnormal.cured(section(), id(id), cure, locale);
    }

    @Operation(summary = "Remove a cured entry today; it stays in the organisation's history")
    @PostMapping("/api/socialorg/abnormal-list/{id}/removal")
    @PreAuthorize(Roles.STAFF)
    AbnormalList.Entry remove(@PathVariable String id, Locale locale) {
        return abnormal.remove(section(), id(id), locale);
    }

    @Operation(summary = "Record an organisation's annual work report for a year (late after the authority's day)")
    @PostMapping("/api/socialorg/annual-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.STAFF)
    AnnualReports.Standing report(@RequestBody(required = false) AnnualReports.Submission submission, Locale locale) {
        return reports.submit(section(), submission, locale);
    }

    @Operation(summary = "Every organisation that reports for a year, with its standing: missing and late first")
    @GetMapping("/api/socialorg/annual-reports")
    @PreAuthorize(Roles.STAFF)
    List<AnnualReports.Standing> year(@RequestParam(required = false) Integer year, Locale locale) {
        section();
        if (year == null || year < 1990 || year > 9999) {
            throw ApiException.notFound("socialorg.report.noSuchYear", year);
        }
        return reports.year(year, locale);
    }

    @Operation(summary = "An organisation's credit standing: its abnormal-list entries and whether it is on the serious list")
    @GetMapping("/api/socialorg/organisations/{creditCode}/credit")
    @PreAuthorize(Roles.STAFF)
    Map<String, Object> credit(@PathVariable String creditCode, Locale locale) {
        section();
        SocialOrgService.Organisation org = register.organisation(creditCode);
        if (org == null) {
            throw ApiException.notFound("socialorg.abnormal.notRegisteredHere", creditCode);
        }
        List<AbnormalList.Entry> entries = abnormal.of(org.creditCode(), locale);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", org.name());
        out.put("creditCode", org.creditCode());
        out.put("onAbnormalList", entries.stream().anyMatch(e -> e.removedOn() == null));
        out.put("abnormalEntries", entries);
        out.put("onSeriousList", seriousList.listsOrganisation(org.creditCode()));
        Revocations.Revocation revocation = revocations.of(org.creditCode(), locale);
        if (revocation != null) {
            out.put("revocation", revocation);
        }
        SealAndAccountFilings.Filing filing = filings.of(org.creditCode());
        if (filing != null) {
            out.put("sealAndAccount", filing);
        }
        return out;
    }

    @Operation(summary = "Record the seal specimen and bank account an organisation filed after registration")
    @PostMapping("/api/socialorg/organisations/{creditCode}/seal-and-account")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.STAFF)
    SealAndAccountFilings.Filing fileSealAndAccount(@PathVariable String creditCode,
            @RequestBody(required = false) SealAndAccountFilings.FilingRequest request, Locale locale) {
        return filings.file(section(), creditCode, request, locale);
    }

    @Operation(summary = "Organisations of the register that have not filed their seal specimen and bank account")
    @GetMapping("/api/socialorg/seal-and-account/outstanding")
    @PreAuthorize(Roles.STAFF)
    List<SealAndAccountFilings.Outstanding> outstandingFilings(Locale locale) {
        section();
        return filings.outstanding(locale);
    }

    @Operation(summary = "Revoke an organisation's registration (the director): ground, reasons; decision, announcement")
    @PostMapping("/api/socialorg/organisations/{creditCode}/revocation")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('" + Roles.DIRECTOR + "')")
    Revocations.Revocation revoke(@PathVariable String creditCode,
            @RequestBody(required = false) Revocations.Request request, Locale locale) {
        return revocations.revoke(currentUser.get(), creditCode, request, locale);
    }

    @Operation(summary = "Social groups past their first year with no annual report: to be checked for activity")
    @GetMapping("/api/socialorg/revocation-watch")
    @PreAuthorize(Roles.STAFF)
    List<Revocations.Watched> revocationWatch() {
        section();
        return revocations.watch();
    }
}
