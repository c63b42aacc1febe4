package cn.zs.civil.placename;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Place names", description = "Naming-rule check, the case's findings and its announcement (地名审批)")
class PlacenameController {

    private static final int MAX_SPECIFIC = 20;
    private static final int MAX_GENERIC = 6;

    private final PlacenameService placenames;
    private final ApplicationService applications;
    private final PlacenameProperties properties;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    PlacenameController(PlacenameService placenames, ApplicationService applications, PlacenameProperties properties,
            CurrentUser currentUser, MessageSource messages) {
        this.placenames = placenames;
        this.applications = applications;
        this.properties = properties;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    record NameCheckRequest(String specificPart, String genericPart, String featureCategory, String applicationType,
            String currentName) {
    }

    @Operation(summary = "Check a proposed place name against the naming rules and the register before applying",
            description = "Duplicates, homophones (toneless pinyin), banned terms, script and generic part, and for a "
                    + "renaming whether the current name exists and is protected.")
    @PostMapping("/api/placename/name-check")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    PlacenameService.CheckView check(@RequestBody(required = false) NameCheckRequest request, Locale locale) {
        NameCheckRequest r = request == null ? new NameCheckRequest(null, null, null, null, null) : request;
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "specificPart", r.specificPart(), MAX_SPECIFIC, locale);
        text(problems, "genericPart", r.genericPart(), MAX_GENERIC, locale);
        if (r.featureCategory() == null || !properties.genericParts().containsKey(r.featureCategory())) {
            problems.add(problem("featureCategory", "form.notOption", locale));
        }
        String type = r.applicationType() == null ? PlacenameProcess.TYPE_NAMING : r.applicationType();
        if (!PlacenameProcess.TYPE_NAMING.equals(type) && !PlacenameProcess.TYPE_RENAMING.equals(type)) {
            problems.add(problem("applicationType", "form.notOption", locale));
        }
        if (PlacenameProcess.TYPE_RENAMING.equals(type)) {
            text(problems, "currentName", r.currentName(), MAX_SPECIFIC + MAX_GENERIC, locale);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return placenames.check(new NameChecker.Proposal(r.specificPart().strip(), r.genericPart().strip(),
                r.featureCategory(), type, r.currentName() == null ? null : r.currentName().strip()), locale);
    }

    @Operation(summary = "The naming-rule findings of a place-name case (its applicant, or staff of its queue)")
    @GetMapping("/api/placename/{applicationNo}/name-check")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    PlacenameService.CheckView findings(@PathVariable String applicationNo, Locale locale) {
        return placenames.checkOf(placeNameCase(applicationNo), locale);
    }

    @Operation(summary = "The announcement of an approved place name, drafted from the case data")
    @GetMapping("/api/placename/{applicationNo}/announcement")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    PlacenameService.AnnouncementView announcement(@PathVariable String applicationNo) {
        return placenames.announcementOf(placeNameCase(applicationNo).applicationNo());
    }

    private ApplicationRow placeNameCase(String applicationNo) {
        ApplicationRow row = applications.readable(currentUser.get(), applicationNo);
        if (!PlacenameProcess.KEY.equals(row.serviceCode())) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        return row;
    }

    private void text(List<FieldProblem> problems, String field, String value, int max, Locale locale) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "form.required", locale));
        } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
            problems.add(new FieldProblem(field, label(field, locale), "form.tooLong",
                    messages.getMessage("form.tooLong", new Object[] {label(field, locale), max}, locale)));
        }
    }

    private FieldProblem problem(String field, String code, Locale locale) {
        return new FieldProblem(field, label(field, locale), code,
                messages.getMessage(code, new Object[] {label(field, locale)}, locale));
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("placename.field." + field, null, field, locale);
    }
}
