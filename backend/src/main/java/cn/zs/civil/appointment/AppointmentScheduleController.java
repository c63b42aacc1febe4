package cn.zs.civil.appointment;

import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Appointments", description = "预约: book a counter service's slot at a registry office")
class AppointmentScheduleController {

    private static final String ONLY_CHIEF = "hasRole('" + Roles.CHIEF + "')";

    private final AppointmentSchedule schedule;
    private final CurrentUser currentUser;

    AppointmentScheduleController(AppointmentSchedule schedule, CurrentUser currentUser) {
        this.schedule = schedule;
        this.currentUser = currentUser;
    }

    @Operation(summary = "An office's open days with the places, booked and free places of each band (the chief)",
            description = "from and to are yyyy-MM-dd, at most 62 days apart; by default today and the next 30 days. "
                    + "A day not yet released carries the moment it opens.")
    @GetMapping("/api/appointments/schedule")
    @PreAuthorize(ONLY_CHIEF)
    AppointmentSchedule.Schedule schedule(@RequestParam(required = false) String service,
            @RequestParam(required = false) String office, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        return schedule.schedule(currentUser.get(), service, office, from, to, locale);
    }

    @Operation(summary = "Set the places of one band of one day at one office, with the reason (the chief; audited)",
            description = "0 closes the band and leaves its bookings standing; never fewer than the places booked "
                    + "(422 naming how many). A day not yet released opens with the number set here.")
    @PutMapping("/api/appointments/schedule/capacity")
    @PreAuthorize(ONLY_CHIEF)
    AppointmentSchedule.CapacityChanged setCapacity(
            @RequestBody(required = false) AppointmentSchedule.CapacityChange change, Locale locale) {
        return schedule.setCapacity(currentUser.get(), change, locale);
    }
}
