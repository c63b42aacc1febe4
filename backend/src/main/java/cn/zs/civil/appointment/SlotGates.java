package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * What this node knows of each slot's places between two reads of its row, so that a burst for one band (the 5-20
 * problem) is answered "full" as soon as its places are spoken for, not after every booking ahead has committed.
 * <p>
 * A gate opens with the places the slot's row had free at a read, less this node's attempts still in flight, and
 * hands them out one per attempt that passed every other check; when none is left, the answer is "full" at once.
 * A gate lives {@link #TTL_NANOS}: a place given back (a cancellation, an attempt that failed, another node's
 * bookings) is seen at the next read. The database stays the guard (the booking's conditional update); a gate only
 * answers early. Several nodes each have their own gates, and then the guard answers for the places they over-count.
 * <p>
 * A caller who holds one of the slot's places (a repeat of a booking that went through) is told apart by the gate's
 * holders, read once per gate when first asked.
 */
final class SlotGates {

    static final long TTL_NANOS = 1_000_000_000L;
    private static final int MAX_SLOTS = 10_000;

    static final class Gate {
        final long slotId;
        private final long bornNanos;
        private final AtomicInteger free;
        private final AtomicBoolean renewing = new AtomicBoolean();
        private volatile Set<String> holders;
        private volatile boolean closed;

        Gate(long slotId, int free) {
            this.slotId = slotId;
            this.bornNanos = System.nanoTime();
            this.free = new AtomicInteger(Math.max(0, free));
        }

        boolean live() {
            return System.nanoTime() - bornNanos < TTL_NANOS;
        }

        /** None of the places this gate opened with is left. */
        boolean exhausted() {
            return free.get() <= 0;
        }

        /** The first caller to find this gate expired reads the row again; the others keep its last answer meanwhile. */
        boolean claimRenewal() {
            return renewing.compareAndSet(false, true);
        }

        boolean tryTake() {
            return free.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        void close() {
            closed = true;
            free.set(0);
        }

        /** A place taken at the door whose request booked nothing; a gate closed by the row's "full" stays closed. */
        void giveBack() {
            if (!closed) {
                free.incrementAndGet();
            }
        }

        /** The person-days holding the slot's places: one read per gate, however many ask at once. */
        Set<String> holders(LongFunction<List<String>> read) {
            Set<String> h = holders;
            if (h == null) {
                synchronized (this) {
                    if (holders == null) {
                        holders = Set.copyOf(read.apply(slotId));
                    }
                    h = holders;
                }
            }
            return h;
        }
    }

    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    static String key(String service, String office, LocalDate day, String band) {
        return service + "|" + office + "|" + day + "|" + band;
    }

    /** The slot's live gate, or null when this node has not read the slot within the gate's lifetime. */
    Gate live(String key) {
        Gate gate = gates.get(key);
        return gate != null && gate.live() ? gate : null;
    }

    /**
     * The gate the front door asks: the live one; or, when it has expired, one opened from the slot's row read now by
     * the first caller to notice, while the others get the expired gate's answer for the moment that read takes (the
     * database stays the guard); null when there is no row to read (nobody booked the band yet).
     */
    Gate atTheDoor(String key, java.util.function.Supplier<AppointmentMapper.SlotRow> read) {
        Gate gate = gates.get(key);
        if (gate != null && (gate.live() || !gate.claimRenewal())) {
            return gate;
        }
        AppointmentMapper.SlotRow slot;
        try {
            slot = read.get();
        } catch (RuntimeException e) {
            if (gate == null) {
                throw e;
            }
            gate.renewing.set(false); // the next caller tries the read again; this one gets the last answer
            return gate;
        }
        return slot == null ? null : open(key, slot);
    }

    /** The live gate, or one opened now from the slot's row as just read. */
    Gate open(String key, AppointmentMapper.SlotRow slot) {
        if (gates.size() > MAX_SLOTS) {
            gates.clear();
        }
        return gates.compute(key, (k, gate) -> gate != null && gate.live() && gate.slotId == slot.id() ? gate
                : new Gate(slot.id(), slot.capacity() - slot.booked() - inFlight(slot.id()).get()));
    }

    /** The slot's row (or the guard) said full: full for the gate's lifetime. */
    void full(String key, AppointmentMapper.SlotRow slot) {
        Gate gate = open(key, slot);
        gate.close();
    }

    /** A place was given back on this node (a cancellation): the next request reads the row again. */
    void forget(String key) {
        gates.remove(key);
    }

    /**
     * Counts an attempt in flight from its place on the gate until {@link Attempt#close}. The booking closes it inside
     * its transaction, after its place is taken and before the commit: a booking is never counted both in the row
     * and in flight (a gate would then open with too few places); between the two it is in neither, which only lets
     * the next gate open with one place too many, for the guard to answer.
     */
    Attempt attempt(long slotId) {
        return new Attempt(inFlight(slotId), null);
    }

    /**
     * The front door's admission of a booking request for the slot of {@code gate}: one of its places, taken before
     * the sign-in, so that once the band's places are all spoken for every other request is told "full" at the door
     * at once, however many are still being signed in and booked. Null when none is left. The request's end gives the
     * place back unless it booked ({@link Attempt#release}).
     */
    Attempt admit(Gate gate) {
        return gate.tryTake() ? new Attempt(inFlight(gate.slotId), gate) : null;
    }

    static final class Attempt implements AutoCloseable {
        private final AtomicInteger counter;
        /** The gate whose place the front door took for this attempt; null when the booking took its own. */
        private final Gate gate;
        private final AtomicBoolean open = new AtomicBoolean(true);
        private volatile boolean booked;

        Attempt(AtomicInteger counter, Gate gate) {
            this.counter = counter;
            this.gate = gate;
            counter.incrementAndGet();
        }

        long slotId() {
            return gate == null ? -1 : gate.slotId;
        }

        /** Its booking committed: the place stays taken. */
        void booked() {
            booked = true;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                counter.decrementAndGet();
            }
        }

        /**
         * The end of the request the front door admitted: out of flight, and its place back on the gate unless it
         * booked (a refusal, a repeat of a booking already made, a failed sign-in), for the next request to take.
         */
        void release() {
            close();
            if (!booked && gate != null) {
                gate.giveBack();
            }
        }
    }

    private AtomicInteger inFlight(long slotId) {
        if (inFlight.size() > MAX_SLOTS) {
            inFlight.entrySet().removeIf(e -> e.getValue().get() == 0);
        }
        return inFlight.computeIfAbsent(slotId, id -> new AtomicInteger());
    }
}
