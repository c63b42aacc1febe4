package cn.zs.civil.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The cases of a bureau's period, planned before any is run ({@link BureauRun} runs them through the platform): for
 * each case its service, district, the moment it is received, what becomes of it and when each step is taken. Pure
 * and seeded: the same targets, window and seed give the same plan, and the plan knows the figures the annual
 * statistics must show for it ({@link #expected()}).
 *
 * <p>The window's cases that a real bureau would not finish inside it stay open at its end (the bureau at work):
 * a divorce whose certificate day falls after the window, a social organisation or a place name received too late
 * for all its steps. The counted outcomes are drawn only among the cases whose every step lies in the window, so
 * the counts are exact.
 */
final class BureauPlan {

    enum Service {
        MARRIAGE("marriage-registration"), DIVORCE("divorce-registration"), FUNERAL("funeral-fee-waiver"),
        REIMBURSEMENT("funeral-fee-reimbursement"), SOCIALORG("socialorg-establishment"),
        PLACENAME("placename-approval");

        final String code;

        Service(String code) {
            this.code = code;
        }
    }

    /** What becomes of a case. OPEN: received, the automatic steps run, and it waits for the staff. */
    enum Fate { APPROVE, REFUSE, NOT_ACCEPTED, WITHDRAW, LAPSE, CORRECT_THEN_APPROVE, VERIFY_THEN_APPROVE, OPEN }

    /**
     * @param steps when each step after the submission is taken (the first is the submission itself)
     * @param waivedYuan a funeral case's waived amount (whole yuan; 0 otherwise)
     * @param nonLocal a divorce where neither party has a hukou in the city
     * @param rating the applicant's rating (1-5) of an online case, 0 for none (the default rating applies)
     * @param bookedAt when a marriage or divorce was booked online (网上预约) for its day and band at the counter;
     *        null for a walk-in and for the other services (online, or granted without an application)
     */
    record Case(int seq, Service service, Fate fate, String district, List<LocalDateTime> steps, boolean nonLocal,
            int waivedYuan, int rating, LocalDateTime bookedAt) {

        Case(int seq, Service service, Fate fate, String district, List<LocalDateTime> steps, boolean nonLocal,
                int waivedYuan, int rating) {
            this(seq, service, fate, district, steps, nonLocal, waivedYuan, rating, null);
        }

        LocalDateTime receivedAt() {
            return steps.get(0);
        }

        Case booked(LocalDateTime at) {
            return new Case(seq, service, fate, district, steps, nonLocal, waivedYuan, rating, at);
        }
    }

    /**
     * The seed's online share (网上办理率, 97.2 %): the cases received through the online platform (applied online,
     * booked online, granted without an application) over all received. In the plan every case is one of those
     * but the walk-ins, marriages and divorces that come to the counter without a booking, as many as leave the
     * seed's share of the cases received: 873 of the full year's 31,193 (docs/people.md, "The online share").
     */
    static final BigDecimal SEED_ONLINE_SHARE = new BigDecimal("0.972");

    /**
     * The outcomes the plan counts in its window, as the annual statistics count them.
     *
     * @param marriages marriage registrations; {@code divorceApplications} received, {@code divorces} registered,
     *        {@code crossRegion} of the divorces received, those where neither party has a local hukou
     */
    record Figures(long marriages, long divorceApplications, long divorces, long crossRegion, long socialOrgs,
            long placeNames, long waivers, long waivedYuan) {
    }

    /** The seed report's year (2021) of the Zhongshan bureau. */
    static final Figures SEED = new Figures(12_319, 6_482, 3_995, 2_366, 1_092, 88, 10_581, 5_060_000);

    /** Zhongshan's 23 towns and streets, weighted by their approximate population (2020 census, ten thousands). */
    static final String[] DISTRICTS = {"shiqi", "dongqu", "xiqu", "nanqu", "wuguishan", "zhongshangang", "minzhong",
        "nanlang", "xiaolan", "guzhen", "tanzhou", "huangpu", "sanxiang", "dongfeng", "nantou", "shaxi", "henglan",
        "sanjiao", "gangkou", "dayong", "banfu", "shenwan", "fusha"};
    private static final int[] DISTRICT_WEIGHTS = {17, 21, 14, 9, 3, 40, 13, 11, 50, 23, 20, 13, 20, 20, 14, 17, 20,
        16, 14, 8, 16, 5, 6};

    /** Month weights: marriages peak in January, May (520) and October; divorces dip at the Spring Festival. */
    private static final double[] MARRIAGE_MONTHS = {1.3, 0.85, 0.9, 0.9, 1.25, 0.9, 0.8, 1.0, 0.9, 1.2, 0.95, 1.05};
    private static final double[] DIVORCE_MONTHS = {1.1, 0.6, 1.2, 1.1, 1.0, 1.0, 1.1, 1.0, 1.0, 0.8, 1.0, 1.0};
    private static final double[] FUNERAL_MONTHS = {1.25, 1.1, 1.0, 0.95, 0.9, 0.85, 0.85, 0.85, 0.9, 0.95, 1.0, 1.2};
    private static final double[] OFFICE_MONTHS = {1.0, 0.7, 1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 0.9, 1.0, 1.1};

    /** Days a social organisation's establishment takes at most in this plan, and a place name. */
    static final int SOCIALORG_DAYS = 50;
    static final int PLACENAME_DAYS = 90;

    final LocalDate from;
    final LocalDate to;
    final Figures targets;
    final List<Case> cases = new ArrayList<>();
    private final Random random;
    private int seq;
    /** Marriages and divorces received in the window that come to the counter without a booking. */
    long walkIns;

    /**
     * @param from first day of the window; {@code to} its last
     * @param targets the outcomes to reach in the window ({@code divorceApplications} received)
     * @param open how many cases of each service wait for the staff at the window's end in any case
     */
    BureauPlan(LocalDate from, LocalDate to, Figures targets, int open, long seed) {
        this.from = from;
        this.to = to;
        this.targets = targets;
        this.random = new Random(seed);
        marriages(targets.marriages());
        divorces(targets.divorceApplications(), targets.divorces(), targets.crossRegion());
        funerals(targets.waivers(), targets.waivedYuan());
        longCases(Service.SOCIALORG, targets.socialOrgs(), SOCIALORG_DAYS);
        longCases(Service.PLACENAME, targets.placeNames(), PLACENAME_DAYS);
        for (Service s : Service.values()) {
            for (int i = 0; i < open; i++) {
                // On one of the last three working days before the window's last day: always before any hour of it
                // (a start before the office opens, or on a Monday, still finds them received).
                LocalDateTime at = office(workingDaysBefore(to, 1 + i % 3), s == Service.SOCIALORG
                        || s == Service.PLACENAME || s == Service.REIMBURSEMENT);
                // Reimbursements wait in both funeral review queues (the city's streets and Xiaolan's towns).
                String district = s == Service.REIMBURSEMENT ? (i % 2 == 0 ? "shiqi" : "xiaolan") : district();
                List<LocalDateTime> steps = s == Service.SOCIALORG && i == open - 1 && i > 0 ? forTheDirector(to)
                        : List.of(at);
                cases.add(new Case(seq++, s, Fate.OPEN, district, steps, false,
                        s == Service.FUNERAL || s == Service.REIMBURSEMENT ? 300 + random.nextInt(300) : 0, 0));
            }
        }
        cases.sort(Comparator.comparing(Case::receivedAt).thenComparing(Case::seq));
        bookings(seed);
    }

    /**
     * Marriages and divorces booked online as their couples would (a day to two weeks ahead, at any hour of the day,
     * for the day and band they come), but for the walk-ins: as many as leave the seed's online share over the cases
     * received in the window, drawn among the counter cases. A random of its own, so the rest of the plan is the
     * same with or without bookings.
     */
    private void bookings(long seed) {
        Random draw = new Random(seed * 31 + 977);
        List<Integer> counter = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Service s = cases.get(i).service();
            if ((s == Service.MARRIAGE || s == Service.DIVORCE) && inWindow(cases.get(i))) {
                counter.add(i);
            }
        }
        walkIns = Math.min(counter.size(), BigDecimal.valueOf(received()).multiply(BigDecimal.ONE
                .subtract(SEED_ONLINE_SHARE)).setScale(0, RoundingMode.HALF_UP).longValueExact());
        Collections.shuffle(counter, draw);
        for (int k = (int) walkIns; k < counter.size(); k++) {
            Case c = cases.get(counter.get(k));
            LocalDate day = c.receivedAt().toLocalDate().minusDays(1 + draw.nextInt(14));
            cases.set(counter.get(k), c.booked(day.atTime(7, 0).plusMinutes(draw.nextInt(16 * 60))
                    .plusSeconds(draw.nextInt(60))));
        }
    }

    private boolean inWindow(Case c) {
        return !c.receivedAt().toLocalDate().isBefore(from) && !c.receivedAt().toLocalDate().isAfter(to);
    }

    /** Cases received in the window (the annual statistics' "received", all services). */
    long received() {
        return cases.stream().filter(this::inWindow).count();
    }

    /** The online share the plan's cases give, as the reports compute it (four decimals). */
    BigDecimal onlineShare() {
        long received = received();
        return received == 0 ? null : BigDecimal.valueOf(received - walkIns)
                .divide(BigDecimal.valueOf(received), 4, RoundingMode.HALF_UP);
    }

    /**
     * A social organisation that waits for the director's decision at the window's end: received online nine working
     * days before its last day, then accepted, reviewed, verified on site and approved by the section chief, one step
     * every working day or two, the last on the second working day before the last day.
     */
    private List<LocalDateTime> forTheDirector(LocalDate to) {
        List<LocalDateTime> steps = new ArrayList<>(List.of(office(workingDaysBefore(to, 9), true)));
        for (int before : new int[] {7, 5, 3, 2}) {
            steps.add(office(workingDaysBefore(to, before), false));
        }
        return steps;
    }

    /** The seed's year at a scale (1 = the whole year); each figure rounded. */
    static BureauPlan year(int year, double scale, long seed) {
        Figures t = SEED;
        return new BureauPlan(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new Figures(
                Math.round(t.marriages() * scale), Math.round(t.divorceApplications() * scale),
                Math.round(t.divorces() * scale), Math.round(t.crossRegion() * scale),
                Math.round(t.socialOrgs() * scale), Math.round(t.placeNames() * scale),
                Math.round(t.waivers() * scale), Math.round(t.waivedYuan() * scale)), 0, seed);
    }

    /** The figures this plan's cases give in its window, counted from the cases themselves. */
    Figures expected() {
        long marriages = 0;
        long received = 0;
        long divorces = 0;
        long cross = 0;
        long orgs = 0;
        long names = 0;
        long waivers = 0;
        long yuan = 0;
        for (Case c : cases) {
            boolean inWindow = !c.receivedAt().toLocalDate().isBefore(from) && !c.receivedAt().toLocalDate().isAfter(to);
            boolean done = c.fate() != Fate.OPEN && !last(c).toLocalDate().isAfter(to);
            boolean approved = done && (c.fate() == Fate.APPROVE || c.fate() == Fate.CORRECT_THEN_APPROVE
                    || c.fate() == Fate.VERIFY_THEN_APPROVE);
            switch (c.service()) {
                case MARRIAGE -> marriages += approved ? 1 : 0;
                case DIVORCE -> {
                    received += inWindow ? 1 : 0;
                    divorces += approved ? 1 : 0;
                    cross += inWindow && c.nonLocal() ? 1 : 0;
                }
                case FUNERAL, REIMBURSEMENT -> {
                    waivers += approved ? 1 : 0;
                    yuan += approved ? c.waivedYuan() : 0;
                }
                case SOCIALORG -> orgs += approved ? 1 : 0;
                case PLACENAME -> names += approved ? 1 : 0;
                default -> throw new IllegalStateException();
            }
        }
        return new Figures(marriages, received, divorces, cross, orgs, names, waivers, yuan);
    }

    static LocalDateTime last(Case c) {
        return c.steps().get(c.steps().size() - 1);
    }

    // ---- marriage: at the counter, the same morning or afternoon ----------------------------------------------

    private void marriages(long registered) {
        long refused = Math.round(registered * 0.012);
        List<LocalDateTime> days = received(registered + refused, MARRIAGE_MONTHS, false);
        Collections.shuffle(days, random);
        for (int i = 0; i < days.size(); i++) {
            LocalDateTime at = days.get(i);
            cases.add(new Case(seq++, Service.MARRIAGE, i < registered ? Fate.APPROVE : Fate.REFUSE, district(),
                    List.of(at, at.plusMinutes(15 + random.nextInt(20)), at.plusMinutes(40 + random.nextInt(15))),
                    false, 0, 0));
        }
    }

    // ---- divorce: the 30-day cooling-off, then both appear within 30 days, or the case ends without ---------

    private void divorces(long applications, long registrations, long crossRegion) {
        List<LocalDateTime> days = received(applications, DIVORCE_MONTHS, false);
        Collections.shuffle(days, random);
        List<Case> planned = new ArrayList<>();
        long registered = 0;
        long cross = 0;
        for (LocalDateTime at : days) {
            LocalDateTime accepted = at.plusMinutes(10 + random.nextInt(20));
            double r = random.nextDouble();
            List<LocalDateTime> steps = new ArrayList<>(List.of(at, accepted));
            LocalDateTime appearance = office(at.toLocalDate().plusDays(34 + random.nextInt(20)), false);
            boolean inWindow = !appearance.toLocalDate().isAfter(to);
            // The registrations first (in the shuffled order: spread over the year), then the others: not
            // accepted, withdrawn in the cooling-off period, or lapsed without the joint appearance.
            Fate fate;
            if (inWindow && registered < registrations) {
                fate = Fate.APPROVE;
                registered++;
            } else if (!inWindow) {
                fate = r < 0.2 ? Fate.WITHDRAW : Fate.APPROVE;
            } else {
                fate = r < 0.05 ? Fate.NOT_ACCEPTED : r < 0.55 ? Fate.WITHDRAW : Fate.LAPSE;
            }
            if (fate == Fate.WITHDRAW) {
                steps.add(office(at.toLocalDate().plusDays(3 + random.nextInt(25)), false));
            } else if (fate == Fate.APPROVE) {
                steps.add(appearance);
                steps.add(appearance.plusMinutes(10 + random.nextInt(10)));
                steps.add(appearance.plusMinutes(25 + random.nextInt(10)));
            }
            boolean nonLocal = fate == Fate.APPROVE && !last(steps).toLocalDate().isAfter(to) && cross < crossRegion;
            cross += nonLocal ? 1 : 0;
            planned.add(new Case(seq++, Service.DIVORCE, fate, district(), steps, nonLocal, 0, 0));
        }
        if (registered != registrations || cross != crossRegion) {
            throw new IllegalStateException("the window is too short for " + registrations + " divorces ("
                    + registered + ") and " + crossRegion + " cross-region (" + cross + ")");
        }
        cases.addAll(planned);
    }

    private static LocalDateTime last(List<LocalDateTime> steps) {
        return steps.get(steps.size() - 1);
    }

    // ---- funeral: at the funeral home the same day; one in thirty needs the clerk's check first -------------

    private void funerals(long waivers, long yuan) {
        long refused = Math.round(waivers * 0.015);
        long reimbursed = Math.round(waivers * 0.06);
        List<LocalDateTime> days = received(waivers + refused, FUNERAL_MONTHS, false);
        Collections.shuffle(days, random);
        long mean = waivers == 0 ? 0 : yuan / waivers;
        long left = yuan;
        for (int i = 0; i < days.size(); i++) {
            LocalDateTime at = days.get(i);
            boolean waived = i < waivers;
            int amount = 0;
            if (waived) {
                long remaining = waivers - i - 1;
                // Spread around the mean; the last cases take what is left so the total is exact.
                long lo = Math.max(250, left - remaining * 890);
                long hi = Math.min(890, left - remaining * 250);
                long want = Math.max(250, mean - 180 + random.nextInt(361));
                amount = (int) Math.max(lo, Math.min(hi, want));
                left -= amount;
            }
            if (waived && i >= waivers - reimbursed) {
                // Reimbursement (path B): the family applies online after a cremation elsewhere in the province.
                LocalDateTime applied = online(at.toLocalDate().plusDays(5 + random.nextInt(20)));
                LocalDateTime accepted = office(applied.toLocalDate().plusDays(1 + random.nextInt(3)), false);
                LocalDateTime reviewed = office(accepted.toLocalDate().plusDays(1 + random.nextInt(4)), false);
                if (reviewed.toLocalDate().plusDays(2).isAfter(to)) {
                    applied = online(from.plusDays(random.nextInt(20)));
                    accepted = office(applied.toLocalDate().plusDays(1), false);
                    reviewed = office(accepted.toLocalDate().plusDays(2), false);
                }
                cases.add(new Case(seq++, Service.REIMBURSEMENT, Fate.APPROVE, district(),
                        List.of(applied, accepted, reviewed), false, amount, rating()));
                continue;
            }
            Fate fate = !waived ? Fate.REFUSE : i % 30 == 7 ? Fate.VERIFY_THEN_APPROVE : Fate.APPROVE;
            List<LocalDateTime> steps = fate == Fate.VERIFY_THEN_APPROVE
                    ? List.of(at, at.plusMinutes(20 + random.nextInt(40)))
                    : List.of(at);
            cases.add(new Case(seq++, Service.FUNERAL, fate, district(), steps, false, amount, 0));
        }
        if (left != 0) {
            throw new IllegalStateException("waived amounts do not add up: " + left + " left");
        }
    }

    // ---- social organisations and place names: long cases over weeks, online ----------------------------------

    private void longCases(Service service, long approvals, int days) {
        LocalDate cutoff = to.minusDays(days);
        long before = Math.round(approvals / 0.92);
        long after = cutoff.isAfter(from) ? Math.round(before * (double) (to.toEpochDay() - cutoff.toEpochDay())
                / Math.max(1, cutoff.toEpochDay() - from.toEpochDay())) : 0;
        if (!cutoff.isAfter(from) && approvals > 0) {
            throw new IllegalStateException("the window is too short for " + service);
        }
        List<LocalDateTime> early = received(before, OFFICE_MONTHS, true, from, cutoff);
        Collections.shuffle(early, random);
        for (int i = 0; i < early.size(); i++) {
            Fate fate;
            if (i < approvals) {
                fate = random.nextInt(3) == 0 ? Fate.CORRECT_THEN_APPROVE : Fate.APPROVE;
            } else {
                int r = random.nextInt(10);
                fate = r < 5 ? Fate.REFUSE : r < 8 ? Fate.NOT_ACCEPTED : Fate.WITHDRAW;
            }
            cases.add(longCase(service, fate, early.get(i)));
        }
        // Received too late to finish in the window: the steps up to a point in it, then the case waits.
        for (LocalDateTime at : received(after, OFFICE_MONTHS, true, cutoff.plusDays(1), to)) {
            Case c = longCase(service, Fate.APPROVE, at);
            List<LocalDateTime> steps = new ArrayList<>();
            for (LocalDateTime step : c.steps()) {
                if (step.toLocalDate().isAfter(to) || steps.size() == c.steps().size() - 1) {
                    break;
                }
                steps.add(step);
            }
            cases.add(new Case(c.seq(), service, Fate.OPEN, c.district(), steps, false, 0, 0));
        }
    }

    /**
     * The steps of a long case: a social organisation's acceptance, review, on-site verification, chief, director
     * and certificate; a place name's acceptance, evaluation, expert review, (consultation, a timer), summary,
     * chief, the approver's decision, filing and announcement. One step per working day or more apart.
     */
    private Case longCase(Service service, Fate fate, LocalDateTime at) {
        List<LocalDateTime> steps = new ArrayList<>(List.of(at));
        LocalDate day = at.toLocalDate();
        // {least, most} days before each step
        int[][] gaps = service == Service.SOCIALORG
                ? new int[][] {{1, 2}, {3, 8}, {2, 5}, {1, 2}, {1, 3}, {1, 2}}
                : new int[][] {{1, 2}, {2, 5}, {15, 25}, {11, 14}, {1, 3}, {5, 12}, {2, 5}, {1, 3}};
        int n = fate == Fate.NOT_ACCEPTED || fate == Fate.WITHDRAW ? 1 : gaps.length;
        if (fate == Fate.CORRECT_THEN_APPROVE) {
            day = day.plusDays(1 + random.nextInt(2));
            steps.add(office(day, false));
            day = day.plusDays(2 + random.nextInt(6));
            steps.add(online(day));
        }
        for (int i = 0; i < n; i++) {
            day = day.plusDays(gaps[i][0] + random.nextInt(gaps[i][1] - gaps[i][0] + 1));
            LocalDateTime step = office(day, false);
            day = step.toLocalDate();
            steps.add(step);
        }
        return new Case(seq++, service, fate, district(), steps, false, 0,
                fate == Fate.APPROVE || fate == Fate.CORRECT_THEN_APPROVE ? rating() : 0);
    }

    /** Mostly very satisfied: the seed's year had a perfect monthly score and no bad rating. */
    private int rating() {
        int r = random.nextInt(20);
        return r < 16 ? 5 : r < 19 ? 4 : 0;
    }

    // ---- days and hours ---------------------------------------------------------------------------------------

    private List<LocalDateTime> received(long n, double[] months, boolean online) {
        return received(n, months, online, from, to);
    }

    /** n moments in [first, last], by the month weights, on working days in office hours (online: any day). */
    private List<LocalDateTime> received(long n, double[] months, boolean online, LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (online || working(d)) {
                double w = months[d.getMonthValue() - 1] * (online && !working(d) ? 0.3 : 1);
                days.add(d);
                weights.add(w);
                total += w;
            }
        }
        List<LocalDateTime> out = new ArrayList<>();
        if (days.isEmpty()) {
            return out;
        }
        // Systematic sampling over the cumulative weights: n exactly, each day in proportion to its weight even
        // when n is far below the number of days (a small scale keeps the months' mix).
        long[] count = new long[days.size()];
        double step = total / Math.max(1, n);
        double target = random.nextDouble() * step;
        double reached = 0;
        int day = 0;
        for (long k = 0; k < n; k++, target += step) {
            while (day < days.size() - 1 && reached + weights.get(day) <= target) {
                reached += weights.get(day);
                day++;
            }
            count[day]++;
        }
        for (int i = 0; i < days.size(); i++) {
            for (long k = 0; k < count[i]; k++) {
                out.add(online ? online(days.get(i)) : office(days.get(i), false));
            }
        }
        return out;
    }

    static boolean working(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day before the day (n ≥ 1). */
    private LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    /** A moment in office hours (09:00-11:30, 14:00-17:00) of that day, or of the next working day. */
    private LocalDateTime office(LocalDate day, boolean unused) {
        while (!working(day)) {
            day = day.plusDays(1);
        }
        int minute = random.nextInt(330);
        LocalTime t = minute < 150 ? LocalTime.of(9, 0).plusMinutes(minute) : LocalTime.of(14, 0).plusMinutes(minute - 150);
        return day.atTime(t).plusSeconds(random.nextInt(60));
    }

    /** Online: any hour from 07:00 to 23:00. */
    private LocalDateTime online(LocalDate day) {
        return day.atTime(7, 0).plusMinutes(random.nextInt(16 * 60)).plusSeconds(random.nextInt(60));
    }

    private String district() {
        int total = 0;
        for (int w : DISTRICT_WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < DISTRICTS.length; i++) {
            r -= DISTRICT_WEIGHTS[i];
            if (r < 0) {
                return DISTRICTS[i];
            }
        }
        throw new IllegalStateException();
    }
}
