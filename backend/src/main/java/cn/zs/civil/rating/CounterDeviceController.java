package cn.zs.civil.rating;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@Tag(name = "Counter rating devices", description = "窗口评价器: the tablet on a counter on which the person served rates the service")
class CounterDeviceController {

    private final CounterDevices devices;
    private final CurrentUser currentUser;

    CounterDeviceController(CounterDevices devices, CurrentUser currentUser) {
        this.devices = devices;
        this.currentUser = currentUser;
    }

    record PairRequest(String label) {
    }

    record ClaimRequest(String code) {
    }

    record DeviceRateRequest(String applicationNo, Object level, String comment) {
    }

    @Operation(summary = "Pair my counter's rating device: a one-time code to type on it (replaces my earlier device)",
            description = "label: the counter's name as the public sees it (up to 40 characters). 400 with field errors.")
    @PostMapping("/api/counter-device")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<CounterDevices.MyDevice> pair(@RequestBody(required = false) PairRequest request, Locale locale) {
        return ResponseEntity.ok(devices.pair(currentUser.get(), request == null ? null : request.label(), locale));
    }

    @Operation(summary = "My counter's rating device (204 when I have none)")
    @GetMapping("/api/counter-device")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<CounterDevices.MyDevice> mine() {
        CounterDevices.MyDevice mine = devices.mine(currentUser.get());
        return mine == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(mine);
    }

    @Operation(summary = "Unpair my counter's rating device: its token stops working at once")
    @DeleteMapping("/api/counter-device")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<Void> unpair() {
        devices.unpair(currentUser.get());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Offer a case my counter served for rating on my counter's device",
            description = "404 when the case is not mine to see; 409 without a paired device or when the case cannot "
                    + "be rated (no result yet, rated already, window closed).")
    @PostMapping("/api/applications/{applicationNo}/rating/counter-offer")
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<CounterDevices.MyDevice> offer(@PathVariable String applicationNo) {
        return ResponseEntity.ok(devices.offer(currentUser.get(), applicationNo));
    }

    @Operation(summary = "The device types its pairing code and receives its token (anyone; rate-limited)",
            description = "400 with a field error for a code that is malformed, unknown, spent or expired.")
    @PostMapping("/api/public/counter-device/claim")
    @PreAuthorize(Roles.PUBLIC)
    ResponseEntity<CounterDevices.Claimed> claim(@RequestBody(required = false) ClaimRequest request,
            HttpServletRequest http, Locale locale) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(devices.claim(request == null ? null : request.code(), http.getRemoteAddr(), locale));
    }

    @Operation(summary = "What the device shows now: its counter and the case offered for rating, if any",
            description = "The device's token in the X-Counter-Device header; 404 when it is unknown or unpaired.")
    @GetMapping("/api/public/counter-device")
    @PreAuthorize(Roles.PUBLIC)
    ResponseEntity<CounterDevices.DeviceView> view(
            @RequestHeader(name = CounterDevices.TOKEN_HEADER, required = false) String token, Locale locale) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(devices.view(token, locale));
    }

    @Operation(summary = "The person at the counter rates the offered case (once)",
            description = "level 5 非常满意 … 1 非常不满意, comment up to 500 characters; 400 with field errors; 409 when "
                    + "the offer is gone or the case was rated already; 404 for an unknown or unpaired device.")
    @PostMapping("/api/public/counter-device/rating")
    @PreAuthorize(Roles.PUBLIC)
    ResponseEntity<Void> rate(@RequestHeader(name = CounterDevices.TOKEN_HEADER, required = false) String token,
            @RequestBody(required = false) DeviceRateRequest request, Locale locale) {
        devices.rate(token, request == null ? null : request.applicationNo(), request == null ? null : request.level(),
                request == null ? null : request.comment(), locale);
        return ResponseEntity.noContent().build();
    }
}
