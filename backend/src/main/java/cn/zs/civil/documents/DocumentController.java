package cn.zs.civil.documents;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.web.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@Tag(name = "Documents", description = "The PDFs a case produces; their public verification")
class DocumentController {

    /** Who may revoke an issued document: section chiefs and directors, not the clerk who issued it. */
    static final String REVOKERS = "hasAnyRole('chief','director')";

    private final DocumentService documents;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final DocumentProperties properties;

    DocumentController(DocumentService documents, CurrentUser currentUser, MessageSource messages,
            RateLimits rateLimits, DocumentProperties properties) {
        this.documents = documents;
        this.currentUser = currentUser;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    record Listed(String kind, String title, String serialNo, String sha256, long sizeBytes,
            java.time.LocalDateTime issuedAt, java.time.LocalDateTime revokedAt, String revokeReason,
            String downloadUrl, String verifyUrl) {
    }

    @Operation(summary = "The documents issued for a case (its applicant, or staff of its queue and district)")
    @GetMapping("/api/applications/{applicationNo}/documents")
    @PreAuthorize(cn.zs.civil.identity.Roles.APPLICANT_OR_STAFF)
    List<Listed> list(@PathVariable String applicationNo) {
        return documents.list(currentUser.get(), applicationNo).stream().map(l -> new Listed(l.slug(),
                l.document().title(), l.document().serialNo(), l.document().sha256(), l.document().sizeBytes(),
                l.document().issuedAt(), l.document().revokedAt(), l.document().revokeReason(),
                "/api/applications/" + applicationNo + "/documents/" + l.slug() + "/pdf",
                properties.verifyUrl(l.token()))).toList();
    }

    @Operation(summary = "Download a document's PDF as issued")
    @GetMapping("/api/applications/{applicationNo}/documents/{kind}/pdf")
    @PreAuthorize(cn.zs.civil.identity.Roles.APPLICANT_OR_STAFF)
    ResponseEntity<byte[]> pdf(@PathVariable String applicationNo, @PathVariable String kind) {
        DocumentService.Download d = documents.download(currentUser.get(), applicationNo, kind);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(d.pdf());
    }

    record RevokeRequest(String reason) {
    }

    @Operation(summary = "Revoke an issued document with a reason (a section chief or director; audited)")
    @PostMapping("/api/applications/{applicationNo}/documents/{kind}/revoke")
    @PreAuthorize(REVOKERS)
    DocumentService.Issued revoke(@PathVariable String applicationNo, @PathVariable String kind,
            @RequestBody(required = false) RevokeRequest request, Locale locale) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(List.of(FieldProblems.of(messages, locale, "reason", "document.revokeReason",
                    "form.required", messages.getMessage("document.revokeReason", null, locale))));
        }
        if (reason.length() > DocumentService.MAX_REASON) {
            throw ApiException.invalid(List.of(FieldProblems.of(messages, locale, "reason", "document.revokeReason",
                    "form.tooLong", messages.getMessage("document.revokeReason", null, locale),
                    DocumentService.MAX_REASON)));
        }
        return documents.revoke(currentUser.get(), applicationNo, kind, reason);
    }

    @Operation(summary = "Verify a document by the token of its QR code (anyone; rate-limited)")
    @GetMapping("/api/public/documents/{token}")
    @PreAuthorize(cn.zs.civil.identity.Roles.PUBLIC)
    ResponseEntity<DocumentService.Verification> verify(@PathVariable String token, HttpServletRequest http) {
        rateLimits.hit("document-check:" + http.getRemoteAddr(), properties.checksPerMinute(), "document.rateLimited");
        return noStore(documents.verify(token));
    }

    @Operation(summary = "Verify an uploaded PDF against the document its token names, byte for byte (anyone)")
    @PostMapping(value = "/api/public/documents/{token}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(cn.zs.civil.identity.Roles.PUBLIC)
    ResponseEntity<DocumentService.Verification> check(@PathVariable String token,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest http,
            Locale locale) throws IOException {
        rateLimits.hit("document-check:" + http.getRemoteAddr(), properties.checksPerMinute(), "document.rateLimited");
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid(List.of(FieldProblems.of(messages, locale, "file", "document.file",
                    "form.required", messages.getMessage("document.file", null, locale))));
        }
        if (file.getSize() > properties.maxUploadBytes()) {
            throw ApiException.invalid(List.of(FieldProblems.of(messages, locale, "file", "document.file",
                    "document.fileTooLarge", properties.maxUploadBytes() / 1024 / 1024)));
        }
        return noStore(documents.verifyFile(token, file.getBytes()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
