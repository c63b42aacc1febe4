package cn.zs.civil.application;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.web.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Public tracking by application number and query code, without signing in: plain-language status and timeline,
 * a decision against the applicant with its grounds, legal basis and remedy, no personal data. A wrong code and an unknown number answer alike, and each client address is rate-limited, so
 * codes cannot be guessed.
 */
@RestController
@Tag(name = "Public tracking")
class TrackingController {

    private final ApplicationMapper mapper;
    private final QueryCodes queryCodes;
    private final CaseLog log;
    private final CaseViews views;
    private final int perMinute;
    private final RateLimits rateLimits;
    private final DecisionNotices decisions;

    TrackingController(ApplicationMapper mapper, QueryCodes queryCodes, CaseLog log, CaseViews views,
            RateLimits rateLimits, DecisionNotices decisions,
            @Value("${platform.tracking.requests-per-minute}") int perMinute) {
        this.queryCodes = queryCodes;
        this.decisions = decisions;
        this.rateLimits = rateLimits;
        this.mapper = mapper;
        this.log = log;
        this.views = views;
        this.perMinute = perMinute;
    }

    record TrackRequest(@NotBlank @Size(max = 32) String applicationNo, @NotBlank @Size(max = 16) String queryCode) {
    }

    @Operation(summary = "Track an application by number and query code (anyone; rate-limited)")
    @PostMapping("/api/public/track")
    @PreAuthorize(Roles.PUBLIC)
    ResponseEntity<CaseViews.PublicStatus> track(@Valid @RequestBody TrackRequest request, HttpServletRequest http,
            Locale locale) {
        // The client's address as the trusted proxy names it (TRUSTED_PROXIES), counted on all nodes together.
        rateLimits.hit("track:" + http.getRemoteAddr(), perMinute, "tracking.rateLimited");
        String applicationNo = request.applicationNo().strip().toUpperCase(Locale.ROOT);
        ApplicationMapper.QueryCheck check = mapper.findQueryCheck(applicationNo);
        ApplicationRow row = check == null || !queryCodes.matches(check, request.queryCode()) ? null
                : mapper.findByNo(applicationNo);
        if (row == null) {
            throw ApiException.notFound("tracking.notFound");
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(views.publicStatus(row, log.events(row.applicationNo()), locale,
                        decisions.forPublic(row, locale).orElse(null)));
    }
}
