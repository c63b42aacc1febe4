package cn.zs.civil.rating;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service ratings", description = "好差评: the applicant rates a case that ended with a result")
class RatingController {

    private final RatingService ratings;
    private final CurrentUser currentUser;

    RatingController(RatingService ratings, CurrentUser currentUser) {
        this.ratings = ratings;
        this.currentUser = currentUser;
    }

    /** level 1 (非常不满意) … 5 (非常满意); checked by the service, after the caller's ownership of the case. */
    record RateRequest(Object level, String comment) {
    }

    @Operation(summary = "Rate the service of my case (once, within the rating window after its result)",
            description = "level 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; comment up to 500 characters. "
                    + "409 before the case ended with a result, after the window, or for a second rating. "
                    + "A rating of 1 or 2 opens a work order for the responsible unit.")
    @PostMapping("/api/applications/{applicationNo}/rating")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    ResponseEntity<RatingService.RatingView> rate(@PathVariable String applicationNo,
            @RequestBody(required = false) RateRequest request, Locale locale) {
        RatingService.RatingView view = ratings.rate(currentUser.get(), applicationNo,
                request == null ? null : request.level(), request == null ? null : request.comment(), locale);
        return ResponseEntity.created(URI.create("/api/applications/" + applicationNo)).body(view);
    }
}
