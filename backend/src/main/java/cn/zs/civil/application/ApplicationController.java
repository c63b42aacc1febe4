package cn.zs.civil.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Applications", description = "Apply, track, supply corrections, withdraw; upload materials")
class ApplicationController {

    private final ApplicationService applications;
    private final Attachments attachments;
    private final CaseViews views;
    private final CaseLog log;
    private final CurrentUser currentUser;
    private final CaseRating rating;
    private final DecisionNotices decisions;

    ApplicationController(ApplicationService applications, Attachments attachments, CaseViews views, CaseLog log,
            CurrentUser currentUser, CaseRating rating, DecisionNotices decisions) {
        this.rating = rating;
        this.decisions = decisions;
        this.applications = applications;
        this.attachments = attachments;
        this.views = views;
        this.log = log;
        this.currentUser = currentUser;
    }

    /** Checked by the service, after the caller's role: validation must not answer callers who may not call. */
    record SubmitRequest(String serviceCode, Map<String, Object> data) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record Detail(CaseViews.Summary summary, java.time.LocalDate expectedBy, String queryCode, Map<String, Object> data,
            List<AttachmentView> attachments, CorrectionView correctionNotice, String nextStep,
            List<CaseViews.TimelineEntry> timeline, Object rating, DecisionNotices.Notice decision) {
    }

    record AttachmentView(String id, String fileName, String mediaType, long size, String sha256, String field) {
        static AttachmentView of(AttachmentRow row) {
            return new AttachmentView(row.id(), row.fileName(), row.mediaType(), row.sizeBytes(), row.sha256(),
                    row.fieldKey());
        }
    }

    /** @param deadline when the correction period ends (the engine's timer); null once supplied or ended */
    record CorrectionView(Object items, String note, java.time.LocalDateTime requestedAt,
            java.time.LocalDateTime suppliedAt, java.time.LocalDateTime deadline) {
    }

    record CorrectionRequest(Map<String, Object> data) {
    }

    record WithdrawRequest(String reason) {
    }

    @Operation(summary = "Submit an application (applicants; funeral-home staff for the counter service)",
            description = "Validated against the service's start form. Send an Idempotency-Key header so that a "
                    + "retry returns the first case instead of creating a second.")
    @PostMapping("/api/applications")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    ResponseEntity<ApplicationService.Submitted> submit(@RequestBody SubmitRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Locale locale) {
        ApplicationService.Submitted submitted = applications.submit(currentUser.get(), request.serviceCode(),
                request.data(), idempotencyKey, locale);
        if (submitted.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(submitted);
        }
        return ResponseEntity.created(URI.create("/api/applications/" + submitted.applicationNo())).body(submitted);
    }

    @Operation(summary = "My applications, newest first")
    @GetMapping("/api/applications/mine")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    Page<CaseViews.Summary> mine(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        PlatformUser user = currentUser.get();
        // Bounded so that page × size cannot overflow into a negative offset.
        int p = Math.min(Math.max(page, 0), 100_000);
        int s = Math.min(Math.max(size, 1), 100);
        return new Page<>(views.summaries(applications.mine(user, p, s), locale, false), p, s,
                applications.countMine(user));
    }

    @Operation(summary = "One application with its data, materials and timeline (its applicant, or staff of its queue and district)")
    @GetMapping("/api/applications/{applicationNo}")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    Detail detail(@PathVariable String applicationNo, Locale locale) {
        PlatformUser user = currentUser.get();
        ApplicationRow row = applications.readable(user, applicationNo);
        boolean staff = applications.staffMaySee(user, row);
        applications.recordRead(user, row);
        Map<String, Object> data = applications.formData(row);
        java.util.function.UnaryOperator<String> shown = applications.freeTextShownTo(user, row, data);
        CorrectionView correction = applications.correctionNotice(applicationNo)
                .map(n -> new CorrectionView(applications.parseAny(shown.apply(n.items())), shown.apply(n.note()),
                        n.requestedAt(), n.suppliedAt(),
                        n.suppliedAt() == null ? decisions.correctionDeadline(row).orElse(null) : null))
                .orElse(null);
        CaseViews.Summary summary = views.summary(row, locale, false);
        return new Detail(summary, CaseViews.expectedBy(summary.countdown()), staff ? null : row.queryCode(),
                data,
                attachments.ofCase(applicationNo).stream().map(AttachmentView::of).toList(), correction,
                views.nextStep(row, locale), views.timeline(log.events(applicationNo), locale, staff),
                rating.of(row, locale, shown), decisions.of(row, locale, shown).orElse(null));
    }

    @Operation(summary = "Supply what the correction notice asked for (the applicant)")
    @PostMapping("/api/applications/{applicationNo}/corrections")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    ResponseEntity<Void> corrections(@PathVariable String applicationNo, @RequestBody CorrectionRequest request,
            Locale locale) {
        applications.supplyCorrections(currentUser.get(), applicationNo, request.data(), locale);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Withdraw the application, where the process still allows it (the applicant)")
    @PostMapping("/api/applications/{applicationNo}/withdraw")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    ResponseEntity<Void> withdraw(@PathVariable String applicationNo, @RequestBody(required = false) WithdrawRequest request) {
        applications.withdraw(currentUser.get(), applicationNo, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Upload a material (PDF, JPEG or PNG; type checked from the content)")
    @PostMapping(path = "/api/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    ResponseEntity<AttachmentView> upload(@RequestPart("file") MultipartFile file) {
        AttachmentRow row = attachments.upload(currentUser.get(), file);
        return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentView.of(row));
    }

    @Operation(summary = "Download a material (its uploader, or staff entitled to its case)")
    @GetMapping("/api/attachments/{id}")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    void download(@PathVariable String id, jakarta.servlet.http.HttpServletResponse response) {
        PlatformUser user = currentUser.get();
        AttachmentRow row = attachments.find(id);
        boolean own = row.ownerId().equals(user.id());
        boolean staff = row.applicationNo() != null
                && applications.staffMaySee(user, applications.byNo(row.applicationNo()));
        if (!own && !staff) {
            throw ApiException.notFound("attachment.notFound");
        }
        if (staff && !own) {
            log.byUser(row.applicationNo(), CaseEventType.ATTACHMENT_READ, user, null, null,
                    Map.of("attachment", row.id(), "fileName", row.fileName()));
        }
        // Written here, within the node's bound on files held in memory (a 503 comes before any byte of the file).
        attachments.sendContent(id, bytes -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(row.mediaType());
            response.setContentLengthLong(bytes.length);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(row.fileName(), StandardCharsets.UTF_8).build().toString());
            try {
                response.getOutputStream().write(bytes);
                response.flushBuffer();
            } catch (java.io.IOException e) {
                // The client went away mid-download: nothing to answer.
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
