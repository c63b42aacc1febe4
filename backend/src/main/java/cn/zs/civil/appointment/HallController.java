package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Hall", description = "叫号: tickets at check-in, calls from the counters, the public display")
class HallController {

    private final HallService hall;
    private final CurrentUser currentUser;

    HallController(HallService hall, CurrentUser currentUser) {
        this.hall = hall;
        this.currentUser = currentUser;
    }

    record CheckInRequest(String reference) {
    }

    record WalkInRequest(String service) {
    }

    record CallRequest(String service, String counter) {
    }

    @Operation(summary = "Check in today's appointment at this office (booking number or a party's ID number)")
    @PostMapping("/api/hall/{office}/check-in")
    @PreAuthorize(Roles.STAFF)
    HallService.TicketView checkIn(@PathVariable String office, @RequestBody(required = false) CheckInRequest request,
            Locale locale) {
        return hall.checkIn(office, request == null ? null : request.reference(), locale);
    }

    @Operation(summary = "A ticket for someone without an appointment")
    @PostMapping("/api/hall/{office}/walk-in")
    @PreAuthorize(Roles.STAFF)
    HallService.TicketView walkIn(@PathVariable String office, @RequestBody(required = false) WalkInRequest request,
            Locale locale) {
        return hall.walkIn(office, request == null ? null : request.service(), locale);
    }

    @Operation(summary = "Call the next ticket of a service to this counter, with what its form takes from the booking")
    @PostMapping("/api/hall/{office}/call")
    @PreAuthorize(Roles.STAFF)
    HallService.Called call(@PathVariable String office, @RequestBody(required = false) CallRequest request,
            Locale locale) {
        return hall.callNext(currentUser.get(), office, request == null ? null : request.service(),
                request == null ? null : request.counter(), locale);
    }

    @Operation(summary = "The tickets I called today and have not ended")
    @GetMapping("/api/hall/{office}/my-calls")
    @PreAuthorize(Roles.STAFF)
    List<HallService.Called> myCalls(@PathVariable String office, Locale locale) {
        return hall.myCalls(currentUser.get(), office, locale);
    }

    @Operation(summary = "Call a called ticket again")
    @PostMapping("/api/hall/tickets/{id}/recall")
    @PreAuthorize(Roles.STAFF)
    HallService.Called recall(@PathVariable String id, Locale locale) {
        return hall.recall(currentUser.get(), id, locale);
    }

    @Operation(summary = "Nobody came to the call: the ticket ends, an appointment counts as a no-show")
    @PostMapping("/api/hall/tickets/{id}/no-show")
    @PreAuthorize(Roles.STAFF)
    HallService.TicketView noShow(@PathVariable String id, Locale locale) {
        return hall.noShow(currentUser.get(), id, locale);
    }

    @Operation(summary = "The called ticket was served at the counter")
    @PostMapping("/api/hall/tickets/{id}/served")
    @PreAuthorize(Roles.STAFF)
    HallService.TicketView served(@PathVariable String id, Locale locale) {
        return hall.served(currentUser.get(), id, locale);
    }

    @Operation(summary = "The hall display: the last called tickets with their counters, the waiting per service",
            description = "Ticket numbers only, no names.")
    @GetMapping("/api/public/hall/{office}/display")
    @PreAuthorize(Roles.PUBLIC)
    HallService.Display display(@PathVariable String office, Locale locale) {
        return hall.display(office, locale);
    }

    @Operation(summary = "The hall's figures of a day per service: tickets, served, no-shows, waiting p50/p95")
    @GetMapping("/api/reports/hall")
    @PreAuthorize(Roles.MANAGEMENT)
    HallService.DayFigures figures(@RequestParam(required = false) LocalDate day, Locale locale) {
        return hall.figures(day, locale);
    }
}
