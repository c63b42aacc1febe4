package cn.zs.civil.appointment;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Appointments", description = "预约: book a counter service's slot at a registry office")
class AppointmentController {

    private final AppointmentService appointments;
    private final CurrentUser currentUser;
    private final Duration bookingWait;

    AppointmentController(AppointmentService appointments, CurrentUser currentUser,
            @Value("${platform.appointments.booking-wait:PT60S}") Duration bookingWait) {
        this.appointments = appointments;
        this.currentUser = currentUser;
        this.bookingWait = bookingWait;
    }

    @Operation(summary = "The bookable services with their rules and bands, the offices, the announced special dates")
    @GetMapping("/api/public/appointments/options")
    @PreAuthorize(Roles.PUBLIC)
    AppointmentService.Options options(Locale locale) {
        return appointments.options(locale);
    }

    @Operation(summary = "The days of the booking window of a service at an office, with the free places per band",
            description = "Days not yet released carry the moment they open.")
    @GetMapping("/api/public/appointments/availability")
    @PreAuthorize(Roles.PUBLIC)
    AppointmentService.Availability availability(@RequestParam(required = false) String service,
            @RequestParam(required = false) String office, Locale locale) {
        return appointments.availability(service, office, locale);
    }

    @Operation(summary = "Book a place (201), or get the booking already made for that service and day (200)",
            description = "409 when the band is full, the day is not yet released, too far ahead or too soon, not "
                    + "open, the caller is barred after no-shows, or has another booking that day. The answer comes "
                    + "when the booking's batch has committed; the request holds no thread of the node meanwhile.")
    @PostMapping("/api/appointments")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    DeferredResult<ResponseEntity<AppointmentService.BookingView>> book(
            @RequestBody(required = false) AppointmentService.BookRequest request, Locale locale,
            @RequestAttribute(name = BookingFrontDoor.ADMITTED, required = false) SlotGates.Attempt admitted) {
        // Longer than the booking's own wait for its turn, which answers 503 "try again" first.
        DeferredResult<ResponseEntity<AppointmentService.BookingView>> answer = new DeferredResult<>(
                bookingWait.plusSeconds(15).toMillis());
        appointments.book(currentUser.get(), request, locale, admitted).whenComplete((booked, failure) -> {
            if (failure != null) {
                answer.setErrorResult(AppointmentService.cause(failure));
            } else if (!booked.created()) {
                answer.setResult(ResponseEntity.ok(booked.booking()));
            } else {
                answer.setResult(ResponseEntity.created(URI.create("/api/appointments/mine")).body(booked.booking()));
            }
        });
        return answer;
    }

    @Operation(summary = "My appointments (the last 30 days and to come)")
    @GetMapping("/api/appointments/mine")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    List<AppointmentService.BookingView> mine(Locale locale) {
        return appointments.mine(currentUser.get(), locale);
    }

    @Operation(summary = "Cancel my appointment (until the configured day before it)")
    @PostMapping("/api/appointments/{bookingNo}/cancel")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    AppointmentService.BookingView cancel(@PathVariable String bookingNo, Locale locale) {
        return appointments.cancel(currentUser.get(), bookingNo, locale);
    }
}
