package cn.zs.civil.rating;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.KeyedHash;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.web.RateLimits;

/**
 * The rating devices at the counters (窗口评价器): a tablet on the counter, facing the person served, on which they
 * rate the service when their case ends there (marriage, divorce, the funeral home's waiver), so that the 7-day
 * default is left to those who rated neither there nor online.
 *
 * <p>A clerk pairs their counter's device with a one-time six-digit code their workbench shows (valid for
 * {@code platform.ratings.counter-pairing-validity}); the device trades it for a token of its own and keeps it. The
 * token lets the device do two things only: show the case its counter offers for rating now, and rate that case once.
 * It reads no case data beyond the service's name and the case number, and nothing else of the platform accepts it.
 * The clerk offers a case from its page once its rating window is open; the offer stays on the device until it is
 * rated, replaced or stale ({@code counter-offer-validity}). Codes and tokens are stored only as keyed hashes.
 */
@Service
public class CounterDevices {

    public static final String TOKEN_HEADER = "X-Counter-Device";
    private static final int LABEL_MAX = 40;

    private final CounterDeviceMapper mapper;
    private final RatingService ratings;
    private final RatingProperties properties;
    private final ApplicationService applications;
    private final ServiceCatalogue catalogue;
    private final KeyedHash hash;
    private final RateLimits rateLimits;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    CounterDevices(CounterDeviceMapper mapper, RatingService ratings, RatingProperties properties,
            ApplicationService applications, ServiceCatalogue catalogue, KeyedHash hash, RateLimits rateLimits,
            TransactionTemplate tx, MessageSource messages) {
        this.mapper = mapper;
        this.ratings = ratings;
        this.properties = properties;
        this.applications = applications;
        this.catalogue = catalogue;
        this.hash = hash;
        this.rateLimits = rateLimits;
        this.tx = tx;
        this.messages = messages;
    }

    /** What the clerk's workbench shows of their counter's device. */
    public record MyDevice(String label, boolean paired, String pairingCode, LocalDateTime pairingExpiresAt,
            LocalDateTime pairedAt, String offeredApplicationNo) {
    }

    /** What the device shows: its counter's label and the case offered for rating now, if any. */
    public record DeviceView(String label, Offer offer) {
    }

    public record Offer(String applicationNo, String serviceName, int commentMaxLength) {
    }

    public record Claimed(String token, String label) {
    }

    /**
     * A new pairing for the clerk's counter: the code to type on the device. Any earlier device of the clerk's is
     * retired (a clerk serves at one counter at a time).
     */
    public MyDevice pair(PlatformUser clerk, String label, Locale locale) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            throw invalid("label", "form.required", locale);
        }
        if (name.codePointCount(0, name.length()) > LABEL_MAX) {
            throw invalid("label", "form.tooLong", locale, LABEL_MAX);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("label", "form.controlCharacters", locale);
        }
        LocalDateTime now = BusinessTime.now();
        LocalDateTime expires = now.plus(properties.counterPairingValidity());
        String code = tx.execute(s -> {
            mapper.retireOwned(clerk.id(), now);
            for (int tries = 0; tries < 20; tries++) {
                String candidate = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
                // Two waiting pairings with the same code could not be told apart: draw again.
                if (mapper.countWaiting(hash.of(candidate), now) == 0) {
                    mapper.insertPairing(name, clerk.id(), hash.of(candidate), expires, now);
                    return candidate;
                }
            }
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "counterDevice.busy");
        });
        return new MyDevice(name, false, code, expires, null, null);
    }

    /** The clerk's device now: paired or waiting for its code; null when the clerk has none. */
    public MyDevice mine(PlatformUser clerk) {
        CounterDeviceMapper.DeviceRow row = mapper.activeOf(clerk.id());
        if (row == null) {
            return null;
        }
        boolean paired = row.pairedAt() != null;
        if (!paired && !BusinessTime.now().isBefore(row.pairingExpiresAt())) {
            return null;
        }
        return new MyDevice(row.label(), paired, null, paired ? null : row.pairingExpiresAt(), row.pairedAt(),
                fresh(row) ? row.offeredApplicationNo() : null);
    }

    /** The clerk's counter no longer has a device: its token stops working at once. */
    public void unpair(PlatformUser clerk) {
        mapper.retireOwned(clerk.id(), BusinessTime.now());
    }

    /** The device types its code (rate-limited per address, on every node together). */
    public Claimed claim(String code, String clientAddress, Locale locale) {
        rateLimits.hit("counter-device:" + clientAddress, properties.counterClaimsPerMinute(), "counterDevice.rateLimited");
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty()) {
            throw invalid("code", "form.required", locale);
        }
        if (!typed.matches("\\d{6}")) {
            throw invalid("code", "counterDevice.codeFormat", locale);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String tokenHash = hash.of(token);
        if (mapper.claim(hash.of(typed), tokenHash, BusinessTime.now()) != 1) {
            throw invalid("code", "counterDevice.codeUnknown", locale);
        }
        return new Claimed(token, mapper.byToken(tokenHash).label());
    }

    /** What the device shows now. */
    public DeviceView view(String token, Locale locale) {
        CounterDeviceMapper.DeviceRow device = device(token);
        if (!fresh(device) || !ratings.openForRating(device.offeredApplicationNo())) {
            return new DeviceView(device.label(), null);
        }
        ApplicationRow row = applications.byNo(device.offeredApplicationNo());
        String service = catalogue.find(row.serviceCode()).map(s -> s.name().in("en".equals(locale.getLanguage())))
                .orElse("");
        return new DeviceView(device.label(),
                new Offer(row.applicationNo(), service, properties.commentMaxLength()));
    }

    /** The clerk offers a case their counter served: it shows on their device until rated, replaced or stale. */
    public MyDevice offer(PlatformUser clerk, String applicationNo) {
        ApplicationRow row = applications.readable(clerk, applicationNo);
        CounterDeviceMapper.DeviceRow device = mapper.activeOf(clerk.id());
        if (device == null || device.pairedAt() == null) {
            throw ApiException.conflict("counterDevice.none");
        }
        if (!ratings.openForRating(row.applicationNo())) {
            throw ApiException.conflict("counterDevice.notRatable");
        }
        mapper.offer(device.id(), row.applicationNo(), BusinessTime.now());
        return mine(clerk);
    }

    /** The person at the counter rates the offered case, once; the device shows nothing until the next offer. */
    public void rate(String token, String applicationNo, Object level, String comment, Locale locale) {
        CounterDeviceMapper.DeviceRow device = device(token);
        if (!fresh(device) || applicationNo == null || !applicationNo.equals(device.offeredApplicationNo())) {
            throw ApiException.conflict("counterDevice.offerGone");
        }
        ratings.rateAtCounter(applicationNo, device.id(), level, comment, locale);
        mapper.takeOffer(device.id(), applicationNo);
    }

    private CounterDeviceMapper.DeviceRow device(String token) {
        CounterDeviceMapper.DeviceRow device = token == null || token.isBlank() || token.length() > 100 ? null
                : mapper.byToken(hash.of(token.strip()));
        if (device == null) {
            // Not a 401: the device signs nobody in; the device its token names does not exist (any more).
            throw ApiException.notFound("counterDevice.notPaired");
        }
        return device;
    }

    private boolean fresh(CounterDeviceMapper.DeviceRow device) {
        return device.offeredApplicationNo() != null && device.offeredAt() != null
                && BusinessTime.now().isBefore(device.offeredAt().plus(properties.counterOfferValidity()));
    }

    private ApiException invalid(String field, String code, Locale locale, Object... more) {
        return ApiException.invalid(List.of(
                FieldProblems.labelled(messages, locale, field, "counterDevice.field." + field, code, more)));
    }
}
