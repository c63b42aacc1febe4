package cn.zs.civil.appointment;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.notification.NotificationTemplate;
import cn.zs.civil.notification.Notifications;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.KeyedHash;
import cn.zs.civil.registry.IdNumbers;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.web.DatabaseFailures;

/**
 * Booking, listing and cancelling appointments. A booking is one short transaction: one insert records the booking
 * under the unique key of its person, service and day (a repeat returns the booking already made), the confirmation
 * goes into the outbox (sent after the commit), and one conditional update takes a place of the slot (none left:
 * "full", and all of it rolls back). Everything that only reads (window, no-show bar, a slot already full) is checked
 * before it, outside any lock.
 */
@Service
public class AppointmentService {

    static final int NAME_MAX = 50;
    static final int PHONE_MAX = 20;
    static final int MINE_MAX = 50;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One party as booked: name, ID number, phone (optional). */
    public record Party(String name, String idNumber, String phone) {
    }

    public record BookRequest(String service, String office, String day, String band, Party partyA, Party partyB) {
    }

    public record BookingView(String bookingNo, String service, String serviceName, String office, String officeName,
            LocalDate day, String band, String from, String to, String status, boolean cancellable,
            LocalDate lastCancelDay, String partyAName, String partyBName) {
    }

    /** The answer of a booking: the booking and whether this call made it (false: it stood already). */
    public record Booked(BookingView booking, boolean created) {
    }

    private final AppointmentMapper mapper;
    private final AppointmentRules rules;
    private final ServiceCatalogue catalogue;
    private final TransactionTemplate tx;
    private final DataCipher cipher;
    private final KeyedHash hash;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Notifications notifications;
    private final SecureRandom random = new SecureRandom();
    /** The bookings of each slot, written in batches (a place is taken on the slot's one row). */
    private final SlotBookings<Pending> bookings;

    AppointmentService(AppointmentMapper mapper, AppointmentProperties properties, StatutoryClock clock,
            ServiceCatalogue catalogue, TransactionTemplate tx, DataCipher cipher, KeyedHash hash,
            MessageSource messages, ObjectMapper json, Notifications notifications,
            @org.springframework.beans.factory.annotation.Value("${platform.appointments.booking-batch:50}") int bookingBatch,
            @org.springframework.beans.factory.annotation.Value("${platform.appointments.booking-wait:PT60S}") java.time.Duration bookingWait,
            @org.springframework.beans.factory.annotation.Value("${platform.appointments.booking-writers:4}") int bookingWriters) {
        this.bookings = new SlotBookings<>(bookingBatch, bookingWait, bookingWriters);
        this.mapper = mapper;
        this.rules = new AppointmentRules(properties, clock::isWorkingDay);
        this.catalogue = catalogue;
        this.tx = tx;
        this.cipher = cipher;
        this.hash = hash;
        this.messages = messages;
        this.json = json;
        this.notifications = notifications;
    }

    /** Bookings still queued when the node stops are answered "no turn"; the writers finish their batch. */
    @jakarta.annotation.PreDestroy
    void stopBooking() {
        bookings.close();
    }

    AppointmentRules rules() {
        return rules;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The bookable services in the catalogue's order (marriage before divorce). */
    List<String> serviceCodes() {
        List<String> codes = new ArrayList<>(catalogue.codes().stream()
                .filter(rules.properties().services()::containsKey).toList());
        rules.properties().services().keySet().stream().sorted().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
    }

    String serviceName(String code, Locale locale) {
        return catalogue.find(code).map(s -> s.name().in(english(locale))).orElse(code);
    }

    String officeName(String code, Locale locale) {
        AppointmentProperties.Office office = rules.properties().office(code);
        return office == null ? code : office.name(english(locale));
    }

    // ---- booking

    /** Books and waits for the outcome (the bureau's year, the tests); the API answers when it comes instead. */
    public Booked book(PlatformUser user, BookRequest request, Locale locale) {
        try {
            return book(user, request, locale, null).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw cause(e) instanceof RuntimeException r ? r : e;
        }
    }

    /** What went wrong, without the wrapping of the future it came through. */
    static Throwable cause(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause() : failure;
    }

    /**
     * Checks the request here and now (a refusal is thrown at once), then queues the booking for its slot's next
     * batch; the result completes when the batch has committed, without holding the caller's thread meanwhile.
     *
     * @param admitted the place the front door took for this request ({@link BookingFrontDoor}), or null; it is used
     *     when it is the booked slot's, and the door gives it back if the request books nothing
     */
    java.util.concurrent.CompletableFuture<Booked> book(PlatformUser user, BookRequest request, Locale locale,
            SlotGates.Attempt admitted) {
        LocalDateTime now = BusinessTime.now();
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentProperties.Service service = request == null ? null : rules.service(request.service());
        if (service == null) {
            problems.add(problem(locale, "service", "appointment.field.service", "appointment.unknownService"));
        }
        AppointmentProperties.Office office = request == null || request.office() == null ? null
                : rules.properties().office(request.office());
        if (office == null) {
            problems.add(problem(locale, "office", "appointment.field.office", "appointment.unknownOffice"));
        }
        LocalDate day = parseDay(request == null ? null : request.day());
        if (day == null) {
            problems.add(problem(locale, "day", "appointment.field.day", "appointment.badDay"));
        }
        AppointmentProperties.Band band = service == null || request.band() == null ? null : service.band(request.band());
        if (service != null && band == null) {
            problems.add(problem(locale, "band", "appointment.field.band", "appointment.unknownBand"));
        }
        Party a = checkParty(request == null ? null : request.partyA(), "partyA", true, locale, problems);
        Party b = checkParty(request == null ? null : request.partyB(), "partyB", true, locale, problems);
        if (a != null && b != null && a.idNumber().equalsIgnoreCase(b.idNumber())) {
            problems.add(problem(locale, "partyB.idNumber", "appointment.field.partyB.idNumber",
                    "appointment.sameParty"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String personDay = user.id() + "|" + request.service() + "|" + day;
        String slotKey = SlotGates.key(request.service(), office.code(), day, band.code());
        // "Full" at once, before any other read: this node has handed out the slot's places a moment ago and the
        // caller holds none of them (a repeat of a booking that went through still gets that booking, below).
        SlotGates.Gate known = admitted != null ? null : gates.live(slotKey);
        if (known != null && known.exhausted() && !known.holders(mapper::holders).contains(personDay)) {
            throw ApiException.conflict("appointment.full", day.toString());
        }
        AppointmentMapper.BookingRow standing = mapper.byPersonDay(personDay);
        if (standing != null) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    repeat(standing, office.code(), band.code(), locale));
        }
        AppointmentRules.Verdict verdict = rules.bookable(service, day, now);
        if (!verdict.open()) {
            throw refusal(verdict);
        }
        AppointmentMapper.SlotRow slot = slotFor(request.service(), office.code(), day, band);
        if (slot.booked() >= slot.capacity()) {
            gates.full(slotKey, slot);
            throw ApiException.conflict("appointment.full", day.toString());
        }
        Optional<LocalDate> barred = rules.barredUntil(mapper.noShowDays(user.id(),
                now.toLocalDate().minusDays(rules.properties().noShow().withinDays()
                        + rules.properties().noShow().barDays()), now.toLocalDate()), now.toLocalDate());
        if (barred.isPresent()) {
            throw ApiException.conflict("appointment.barred", barred.get().toString(),
                    rules.properties().noShow().count(), rules.properties().noShow().withinDays());
        }
        // Every check passed: the place the door took, or one of the gate, or "full" now (the places left are spoken
        // for by attempts ahead).
        boolean ownPlace = admitted != null && admitted.slotId() == slot.id();
        if (!ownPlace && !gates.open(slotKey, slot).tryTake()) {
            throw ApiException.conflict("appointment.full", day.toString());
        }
        Map<String, String> confirmation = notificationParams(request.service(), office.code(), day, band.code(),
                locale);
        SlotGates.Attempt attempt = ownPlace ? admitted : gates.attempt(slot.id());
        Booking booking = new Booking(user.id(), personDay, request.service(), office.code(), day, band.code(), a, b,
                idHash(a.idNumber()), idHash(b.idNumber()), now, confirmation, locale, attempt, slotKey, slot);
        java.util.concurrent.CompletableFuture<Booked> booked = queue(booking, 1);
        booked.whenComplete((done, failure) -> attempt.close());
        return booked;
    }

    /** What one request books, checked, its ID numbers hashed once; each try queues it under a new number. */
    private record Booking(String applicant, String personDay, String service, String office, LocalDate day,
            String band, Party a, Party b, String hashA, String hashB, LocalDateTime at,
            Map<String, String> confirmation, Locale locale, SlotGates.Attempt attempt, String slotKey,
            AppointmentMapper.SlotRow slot) {
    }

    /**
     * Queues the booking for its slot's next batch under a new number, and reads the batch's outcome when it comes:
     * booked; full; or a duplicate (the same person's other request was first: its booking, or the random number
     * was taken that day: again, at most three times).
     */
    private java.util.concurrent.CompletableFuture<Booked> queue(Booking booking, int tries) {
        String no = newBookingNo(booking.day());
        Pending pending = new Pending(booking, no,
                cipher.seal(write(Map.of("a", booking.a(), "b", booking.b())), "appointment:" + no));
        long slotId = booking.slot().id();
        return bookings.book(slotId, pending, batch -> writeBatch(slotId, batch)).handle((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = cause(failure);
                if (cause instanceof java.util.concurrent.TimeoutException) {
                    throw noTurn();
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
            return outcome;
        }).thenCompose(outcome -> {
            if (outcome == Outcome.BOOKED) {
                return java.util.concurrent.CompletableFuture.completedFuture(new Booked(view(no, booking.service(),
                        booking.office(), booking.day(), booking.band(), "BOOKED", booking.a().name(),
                        booking.b().name(), booking.locale()), true));
            }
            if (outcome == Outcome.FULL) {
                gates.full(booking.slotKey(), booking.slot());
                throw ApiException.conflict("appointment.full", booking.day().toString());
            }
            AppointmentMapper.BookingRow first = mapper.byPersonDay(booking.personDay());
            if (first != null) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        repeat(first, booking.office(), booking.band(), booking.locale()));
            }
            if (tries >= 3) {
                throw new IllegalStateException("three booking numbers taken in a row for " + booking.day());
            }
            return queue(booking, tries + 1);
        });
    }

    /** No turn for the slot in time: nothing was written; the caller may try again shortly. */
    private static ApiException noTurn() {
        return new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable")
                .retryAfter(5);
    }

    /** One try of a booking: its number and its parties sealed under it, waiting for its slot's next batch. */
    private static final class Pending extends SlotBookings.Pending {
        final Booking booking;
        final String no;
        final String parties;

        Pending(Booking booking, String no, String parties) {
            this.booking = booking;
            this.no = no;
            this.parties = parties;
        }
    }

    private enum Outcome { BOOKED, FULL, DUPLICATE }

    /**
     * One transaction for a batch of one slot's bookings: the slot's row locked first (the places left), then as many
     * bookings as there are places, each with its confirmation in the outbox, then the places taken in one update.
     * A booking whose person-day or number is already there is left out (the statement alone fails; the request
     * looks again). Every request of the batch gets its outcome after the commit; if the transaction fails, all of
     * them get its failure.
     */
    private void writeBatch(long slotId, List<Pending> batch) {
        Map<Pending, Outcome> outcomes = new java.util.IdentityHashMap<>();
        tx.executeWithoutResult(status -> {
            outcomes.clear();
            Integer left = mapper.lockPlacesLeft(slotId);
            int taken = 0;
            LocaleContext before = LocaleContextHolder.getLocaleContext();
            try {
                for (Pending p : batch) {
                    if (left == null || taken >= left) {
                        outcomes.put(p, Outcome.FULL);
                        continue;
                    }
                    Booking b = p.booking;
                    try {
                        mapper.insertBooking(p.no, slotId, b.service(), b.office(), b.day(), b.band(), b.applicant(),
                                b.personDay(), p.parties, b.hashA(), b.hashB(), b.at());
                    } catch (DuplicateKeyException duplicate) {
                        outcomes.put(p, Outcome.DUPLICATE);
                        continue;
                    }
                    // The confirmation in the applicant's language when no preference says otherwise.
                    LocaleContextHolder.setLocale(b.locale());
                    notifications.sendToAccount(b.applicant(), NotificationTemplate.APPOINTMENT_CONFIRMED,
                            "appointment-" + p.no, b.confirmation());
                    outcomes.put(p, Outcome.BOOKED);
                    taken++;
                }
            } finally {
                LocaleContextHolder.setLocaleContext(before);
            }
            if (taken > 0 && mapper.takeMany(slotId, taken) != 1) {
                throw new IllegalStateException("the slot's places changed under its lock");
            }
            // Before the commit: a booking is never counted both in the row and in flight (SlotGates.attempt).
            batch.forEach(p -> p.booking.attempt().close());
        });
        batch.forEach(p -> {
            if (outcomes.get(p) == Outcome.BOOKED) {
                p.booking.attempt().booked();
            }
            p.outcome.complete(outcomes.get(p));
        });
    }

    /** Whether a booking stands for the people who appear at the counter, for what they ask, today. */
    public enum Appearance {
        MATCHES, UNKNOWN, CANCELLED, NO_SHOW, OTHER_DAY, OTHER_SERVICE, OTHER_PARTIES
    }

    /**
     * The booking's answer at the counter: the verdict, the booked day and the booked service's name (for the
     * message), and for each appearing party whether he or she is one of the two booked.
     */
    public record AppearanceCheck(Appearance verdict, LocalDate bookedDay, String bookedServiceName,
            boolean partyABooked, boolean partyBBooked) {
    }

    /**
     * Domain brief §1(c-1) step 0: the case is refused at the counter if the people booked differ from those who
     * appear, or the business booked differs from the one requested. A booking stands only on its own day and
     * while it is not cancelled or marked a no-show; the two parties may appear in either order. Compares keyed
     * hashes only: the booking's sealed parties are not opened.
     */
    public AppearanceCheck appearance(String bookingNo, String serviceCode, String idNumberA, String idNumberB,
            Locale locale) {
        AppointmentMapper.BookingRow row = bookingNo == null ? null
                : mapper.booking(bookingNo.strip().toUpperCase(Locale.ROOT));
        if (row == null) {
            return new AppearanceCheck(Appearance.UNKNOWN, null, null, false, false);
        }
        AppointmentMapper.BookedParties booked = mapper.bookedParties(row.bookingNo());
        List<String> hashes = List.of(booked.idHashA(), booked.idHashB());
        boolean a = idNumberA != null && hashes.contains(idHash(idNumberA.strip()));
        boolean b = idNumberB != null && hashes.contains(idHash(idNumberB.strip()));
        Appearance verdict;
        if ("CANCELLED".equals(row.status())) {
            verdict = Appearance.CANCELLED;
        } else if ("NO_SHOW".equals(row.status())) {
            verdict = Appearance.NO_SHOW;
        } else if (!row.serviceCode().equals(serviceCode)) {
            verdict = Appearance.OTHER_SERVICE;
        } else if (!row.slotDay().equals(BusinessTime.now().toLocalDate())) {
            verdict = Appearance.OTHER_DAY;
        } else if (!a || !b || idNumberA.strip().equalsIgnoreCase(idNumberB.strip())) {
            verdict = Appearance.OTHER_PARTIES;
        } else {
            verdict = Appearance.MATCHES;
        }
        return new AppearanceCheck(verdict, row.slotDay(), serviceName(row.serviceCode(), locale), a, b);
    }

    /**
     * The booked couple was served at the counter without a hall ticket: the booking is used, not a no-show. A
     * booking checked in at the hall is ended by its ticket instead.
     */
    public void served(String bookingNo) {
        mapper.move(bookingNo.strip().toUpperCase(Locale.ROOT), "BOOKED", "SERVED", BusinessTime.now());
    }

    /** What an appointment's confirmation and reminder say: day, band, office (no one's name). */
    Map<String, String> notificationParams(AppointmentMapper.BookingRow booking, Locale locale) {
        return notificationParams(booking.serviceCode(), booking.office(), booking.slotDay(), booking.band(), locale);
    }

    private Map<String, String> notificationParams(String service, String office, LocalDate day, String bandCode,
            Locale locale) {
        AppointmentProperties.Service s = rules.service(service);
        AppointmentProperties.Band band = s == null ? null : s.band(bandCode);
        return Map.of("date", day.toString(), "time", band == null ? bandCode : band.start() + "-" + band.end(),
                "office", officeName(office, locale));
    }

    /** A second request of the same person for the same service and day: the same booking, or a conflict. */
    private Booked repeat(AppointmentMapper.BookingRow standing, String office, String band, Locale locale) {
        if (standing.office().equals(office) && standing.band().equals(band)) {
            return new Booked(view(standing, locale), false);
        }
        throw ApiException.conflict("appointment.alreadyBooked", standing.slotDay().toString(),
                standing.bookingNo());
    }

    private ApiException refusal(AppointmentRules.Verdict verdict) {
        String when = verdict.when().format(MOMENT);
        String day = verdict.when().toLocalDate().toString();
        return switch (verdict.refusal()) {
            case TOO_SOON -> ApiException.conflict("appointment.tooSoon", day);
            case CLOSED -> ApiException.conflict("appointment.closed", day);
            case NOT_YET_RELEASED -> ApiException.conflict("appointment.notYetReleased", when);
            case TOO_FAR -> ApiException.conflict("appointment.tooFar", when);
            default -> ApiException.conflict("appointment.unknownService");
        };
    }

    /** This node's knowledge of each slot's places between two reads of its row. */
    private final SlotGates gates = new SlotGates();

    /** The front door's answer for a booking request: go on (with the place it took, if any), or "full" now. */
    record Door(boolean full, SlotGates.Attempt admitted) {
        static final Door ON = new Door(false, null);
        static final Door FULL = new Door(true, null);
    }

    /**
     * The front door's admission ({@link BookingFrontDoor}): one of the band's places for this request, from this
     * node's gate, renewed from the slot's row once a gate's lifetime has passed; "full" when none is left, so that a
     * burst for a band is answered before the sign-in as soon as its places are spoken for. A band of a bookable
     * service and office, in the booking window, is looked up (on a bookable day its row is made if it has none);
     * any other request goes on as it is, and so does one whose look-up finds no connection in time.
     */
    Door atTheDoor(String service, String office, LocalDate day, String band) {
        AppointmentProperties.Service s = rules.service(service);
        if (s == null || s.band(band) == null || rules.properties().office(office) == null) {
            return Door.ON;
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        if (day.isBefore(today) || day.isAfter(today.plusDays(s.maxDaysAhead()))) {
            return Door.ON;
        }
        SlotGates.Gate gate;
        try {
            // A bookable day's band without a row yet gets it here, as its first booking would make it: the door
            // then counts its places from the first request of a burst on.
            gate = gates.atTheDoor(SlotGates.key(service, office, day, band), () -> {
                AppointmentMapper.SlotRow row = mapper.slot(service, office, day, band);
                return row != null || !rules.bookable(s, day, BusinessTime.now()).open() ? row
                        : slotFor(service, office, day, s.band(band));
            });
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) {
                throw e;
            }
            // No connection for the door's read in time (a burst's first second): the request goes on, the booking
            // is judged by the slot's row, and a database that is really down is answered 503 further in.
            return Door.ON;
        }
        if (gate == null) {
            return Door.ON;
        }
        SlotGates.Attempt admitted = gates.admit(gate);
        return admitted == null ? Door.FULL : new Door(false, admitted);
    }

    /** The slot's places changed on this node (a chief's change): the next request reads the row again. */
    void forgetGate(String slotKey) {
        gates.forget(slotKey);
    }

    /** The slot's row, made on first use (a concurrent first use finds the row the other made). */
    AppointmentMapper.SlotRow slotFor(String service, String office, LocalDate day, AppointmentProperties.Band band) {
        AppointmentMapper.SlotRow slot = mapper.slot(service, office, day, band.code());
        if (slot == null) {
            try {
                mapper.insertSlot(service, office, day, band.code(), rules.capacity(band, day));
            } catch (DuplicateKeyException madeByAnother) {
                // the other request made it: use that one
            }
            slot = mapper.slot(service, office, day, band.code());
        }
        return slot;
    }

    private String newBookingNo(LocalDate day) {
        StringBuilder sb = new StringBuilder("YY").append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    // ---- what may be booked

    public record BandView(String band, String from, String to, int capacity, int free) {
    }

    /** A day of the window: open now, or why not (with the moment it opens); its special name; its bands. */
    public record DayView(LocalDate day, String special, boolean open, String reason, String opensAt,
            List<BandView> bands) {
    }

    public record Availability(String service, String office, List<DayView> days) {
    }

    public record ServiceOption(String code, String name, String releaseAt, int minDaysAhead, int maxDaysAhead,
            int cancelDaysBefore, List<BandView> bands) {
    }

    public record NamedOption(String code, String name) {
    }

    public record SpecialView(LocalDate day, String name, int extra, String opensAt) {
    }

    public record Options(List<ServiceOption> services, List<NamedOption> offices, List<SpecialView> specialDates,
            AppointmentProperties.NoShow noShow) {
    }

    public Options options(Locale locale) {
        boolean en = english(locale);
        LocalDate today = BusinessTime.now().toLocalDate();
        List<ServiceOption> services = serviceCodes().stream()
                .map(code -> Map.entry(code, rules.service(code)))
                .map(e -> new ServiceOption(e.getKey(), serviceName(e.getKey(), locale), e.getValue().releaseAt(),
                        e.getValue().minDaysAhead(), e.getValue().maxDaysAhead(), e.getValue().cancelDaysBefore(),
                        e.getValue().bands().stream()
                                .map(b -> new BandView(b.code(), b.start(), b.end(), b.capacity(), b.capacity()))
                                .toList()))
                .toList();
        AppointmentProperties.Service first = rules.properties().services().values().stream().findFirst().orElse(null);
        List<SpecialView> specials = rules.announced(today).stream()
                .map(d -> {
                    AppointmentProperties.SpecialDate s = rules.special(d).orElseThrow();
                    return new SpecialView(d, s.name(en), s.extra(),
                            first == null ? null : rules.releaseOf(first, d).format(MOMENT));
                })
                .toList();
        return new Options(services,
                rules.properties().offices().stream().map(o -> new NamedOption(o.code(), o.name(en))).toList(),
                specials, rules.properties().noShow());
    }

    public Availability availability(String serviceCode, String officeCode, Locale locale) {
        AppointmentProperties.Service service = rules.service(serviceCode);
        if (service == null) {
            throw ApiException.notFound("appointment.unknownService");
        }
        if (officeCode == null || rules.properties().office(officeCode) == null) {
            throw ApiException.notFound("appointment.unknownOffice");
        }
        boolean en = english(locale);
        LocalDateTime now = BusinessTime.now();
        LocalDate from = now.toLocalDate().plusDays(service.minDaysAhead());
        LocalDate to = now.toLocalDate().plusDays(service.maxDaysAhead() + 1L);
        Map<String, AppointmentMapper.SlotRow> rows = new HashMap<>();
        for (AppointmentMapper.SlotRow r : mapper.slots(serviceCode, officeCode, from, to)) {
            rows.put(r.slotDay() + "|" + r.band(), r);
        }
        List<DayView> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!rules.openDay(d)) {
                continue;
            }
            LocalDate day = d;
            AppointmentRules.Verdict verdict = rules.bookable(service, d, now);
            List<BandView> bands = service.bands().stream().map(b -> {
                AppointmentMapper.SlotRow r = rows.get(day + "|" + b.code());
                int capacity = r == null ? rules.capacity(b, day) : r.capacity();
                return new BandView(b.code(), b.start(), b.end(), capacity, r == null ? capacity : capacity - r.booked());
            }).toList();
            days.add(new DayView(d, rules.special(d).map(s -> s.name(en)).orElse(null), verdict.open(),
                    verdict.open() ? null : verdict.refusal().name(),
                    verdict.open() ? null : verdict.when().format(MOMENT), bands));
        }
        return new Availability(serviceCode, officeCode, days);
    }

    // ---- reading and cancelling

    public List<BookingView> mine(PlatformUser user, Locale locale) {
        LocalDate from = BusinessTime.now().toLocalDate().minusDays(rules.properties().noShow().withinDays());
        return mapper.mine(user.id(), from, MINE_MAX).stream().map(r -> view(r, locale)).toList();
    }

    public BookingView cancel(PlatformUser user, String bookingNo, Locale locale) {
        AppointmentMapper.BookingRow row = bookingNo == null || bookingNo.length() > 20 ? null
                : mapper.booking(bookingNo);
        if (row == null || !row.applicantId().equals(user.id())) {
            throw ApiException.notFound("appointment.notFound");
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        AppointmentProperties.Service service = rules.service(row.serviceCode());
        if (!"BOOKED".equals(row.status())) {
            throw ApiException.conflict("appointment.notCancellable." + row.status());
        }
        if (service != null && !rules.cancellable(service, row.slotDay(), today)) {
            throw ApiException.conflict("appointment.cancelTooLate",
                    rules.lastCancelDay(service, row.slotDay()).toString());
        }
        tx.executeWithoutResult(status -> {
            if (mapper.move(bookingNo, "BOOKED", "CANCELLED", BusinessTime.now()) == 1) {
                mapper.giveBack(row.slotId());
            }
            gates.forget(SlotGates.key(row.serviceCode(), row.office(), row.slotDay(), row.band()));
        });
        return view(mapper.booking(bookingNo), locale);
    }

    BookingView view(AppointmentMapper.BookingRow row, Locale locale) {
        Map<String, Party> parties = parties(row);
        return view(row.bookingNo(), row.serviceCode(), row.office(), row.slotDay(), row.band(),
                shownStatus(row, BusinessTime.now().toLocalDate()), parties.get("a").name(), parties.get("b").name(),
                locale);
    }

    private BookingView view(String bookingNo, String serviceCode, String office, LocalDate day, String bandCode,
            String status, String nameA, String nameB, Locale locale) {
        AppointmentProperties.Service service = rules.service(serviceCode);
        AppointmentProperties.Band band = service == null ? null : service.band(bandCode);
        LocalDate today = BusinessTime.now().toLocalDate();
        boolean cancellable = "BOOKED".equals(status) && service != null && rules.cancellable(service, day, today);
        return new BookingView(bookingNo, serviceCode, serviceName(serviceCode, locale), office,
                officeName(office, locale), day, bandCode, band == null ? null : band.start(),
                band == null ? null : band.end(), status, cancellable,
                service == null ? null : rules.lastCancelDay(service, day), nameA, nameB);
    }

    /** BOOKED of a day gone by is a no-show (it counts for the rule as one). */
    static String shownStatus(AppointmentMapper.BookingRow row, LocalDate today) {
        return "BOOKED".equals(row.status()) && row.slotDay().isBefore(today) ? "NO_SHOW" : row.status();
    }

    Map<String, Party> parties(AppointmentMapper.BookingRow row) {
        try {
            var type = json.getTypeFactory().constructMapType(HashMap.class, String.class, Party.class);
            return json.readValue(cipher.open(row.parties(), "appointment:" + row.bookingNo()), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable parties of booking " + row.bookingNo(), e);
        }
    }

    String idHash(String idNumber) {
        return hash.of(idNumber.toUpperCase(Locale.ROOT));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- input

    static LocalDate parseDay(String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Party checkParty(Party party, String field, boolean required, Locale locale, List<FieldProblem> problems) {
        int before = problems.size();
        String name = party == null || party.name() == null ? "" : party.name().strip();
        String id = party == null || party.idNumber() == null ? "" : party.idNumber().strip();
        String phone = party == null || party.phone() == null ? "" : party.phone().strip();
        if (name.isEmpty() && required || name.length() > NAME_MAX || name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(problem(locale, field + ".name", "appointment.field." + field + ".name", "appointment.badName",
                    NAME_MAX));
        }
        if (!IdNumbers.valid(id)) {
            problems.add(problem(locale, field + ".idNumber", "appointment.field." + field + ".idNumber",
                    "appointment.badIdNumber"));
        }
        if (!phone.isEmpty() && !phone.matches("[0-9+\\- ]{5," + PHONE_MAX + "}")) {
            problems.add(problem(locale, field + ".phone", "appointment.field." + field + ".phone",
                    "appointment.badPhone"));
        }
        return problems.size() == before ? new Party(name, id.toUpperCase(Locale.ROOT), phone.isEmpty() ? null : phone)
                : null;
    }

    private FieldProblem problem(Locale locale, String field, String labelKey, String code, Object... args) {
        return FieldProblems.of(messages, locale, field, labelKey, code, args);
    }

    static ApiException badRequest(String key) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, key);
    }
}
