package cn.zs.civil.socialorg.credit;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Social-organisation credit", description = "The serious illegality and bad-faith list the bureau keeps")
class SeriousListController {

    private static final String ONLY_CHIEF = "hasRole('" + Roles.CHIEF + "')";

    private final SeriousList list;
    private final CurrentUser currentUser;

    SeriousListController(SeriousList list, CurrentUser currentUser) {
        this.list = list;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The serious bad-faith list (严重违法失信名单): current and removed entries, latest first")
    @GetMapping("/api/socialorg/serious-list")
    @PreAuthorize(Roles.STAFF)
    List<SeriousList.Entry> all(Locale locale) {
        return list.all(locale);
    }

    @Operation(summary = "List an organisation or a person, with the reason and the date (the section chief)")
    @PostMapping("/api/socialorg/serious-list")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ONLY_CHIEF)
    SeriousList.Entry add(@RequestBody(required = false) SeriousList.Listing listing, Locale locale) {
        return list.add(currentUser.get(), listing, locale);
    }

    @Operation(summary = "Remove an entry, with the reason and the date (the section chief); the entry stays as history")
    @PostMapping("/api/socialorg/serious-list/{id}/removal")
    @PreAuthorize(ONLY_CHIEF)
    SeriousList.Entry remove(@PathVariable String id, @RequestBody(required = false) SeriousList.Removal removal,
            Locale locale) {
        long entry;
        try {
            entry = Long.parseLong(id);
        } catch (NumberFormatException e) {
            // A malformed id is answered like an unknown one, after the role check.
            throw cn.zs.civil.problem.ApiException.notFound("socialorg.seriousList.notFound", id);
        }
        return list.remove(currentUser.get(), entry, removal, locale);
    }
}
