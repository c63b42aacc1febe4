package cn.zs.civil.archive;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.documents.DocumentService;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.marriage.MarriageArchive.Entry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The ID number travels in the body, never in a URL (which proxies and access logs keep). */
@RestController
@Tag(name = "Marriage archive", description = "Archive queries, registration-record certificates, replacement certificates")
class ArchiveController {

    private final ArchiveService archive;
    private final CurrentUser currentUser;

    ArchiveController(ArchiveService archive, CurrentUser currentUser) {
        this.archive = archive;
        this.currentUser = currentUser;
    }

    record Issued(String kind, String title, String serialNo, LocalDateTime issuedAt, String downloadUrl,
            String verifyUrl) {
    }

    record Answer(List<Entry> records, LocalDateTime queriedAt, Issued document, String replacementNo) {
    }

    @Operation(summary = "Search the marriage archive by a party's ID number, stating purpose and requester (audited)")
    @PostMapping("/api/marriage-archive/queries")
    @PreAuthorize(Roles.STAFF)
    Answer query(@RequestBody(required = false) ArchiveService.Query query, Locale locale) {
        return answer(archive.query(currentUser.get(), query, locale));
    }

    @Operation(summary = "Issue a registration-record certificate (婚姻登记记录证明) for a person (audited)")
    @PostMapping("/api/marriage-archive/record-certificates")
    @PreAuthorize(Roles.STAFF)
    Answer recordCertificate(@RequestBody(required = false) ArchiveService.Query query, Locale locale) {
        return answer(archive.recordCertificate(currentUser.get(), query, locale));
    }

    @Operation(summary = "Issue a replacement certificate (补领) for a registration in the archive, to one of its parties")
    @PostMapping("/api/marriage-archive/replacements")
    @PreAuthorize(Roles.STAFF)
    Answer replacement(@RequestBody(required = false) ArchiveService.Replacement request, Locale locale) {
        return answer(archive.replacement(currentUser.get(), request, locale));
    }

    @Operation(summary = "Download a record certificate or replacement certificate the archive counter issued")
    @GetMapping("/api/marriage-archive/documents/{serialNo}/pdf")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<byte[]> pdf(@PathVariable String serialNo) {
        DocumentService.Download d = archive.download(currentUser.get(), serialNo);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(d.pdf());
    }

    private Answer answer(ArchiveService.Answer a) {
        DocumentService.Listed d = a.document();
        Issued issued = d == null ? null : new Issued(d.slug(), d.document().title(), d.document().serialNo(),
                d.document().issuedAt(), "/api/marriage-archive/documents/" + d.document().serialNo() + "/pdf",
                archive.verifyUrl(d.token()));
        return new Answer(a.records(), a.queriedAt(), issued, a.replacementNo());
    }
}
