package cn.zs.civil.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One load phase against a {@link Target}: submitters (at a fixed arrival rate, or as fast as a bounded backlog of
 * open cases allows), clerks taking the next task until the queue is empty, and readers; a warm-up that is not
 * measured, the measured window, then a drain in which no new case arrives and the clerks finish what is open.
 */
final class LoadRun {

    record Settings(String label, double rate, int backlog, int submitters, int clerks, int readers, long thinkMillis,
            int warmupSeconds, int seconds, int drainSeconds) {

        boolean saturate() {
            return rate <= 0;
        }
    }

    private final Scenario scenario;
    private final Target target;
    private final Metrics metrics;
    private final Settings s;
    private final AtomicLong sequence;
    private volatile boolean submitting = true;
    private volatile boolean working = true;
    private final AtomicLong submitFailures = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();
    private final AtomicLong submittedHere = new AtomicLong();
    private long submittedBefore;
    private final AtomicReferenceArray<Target.Submitted> recent = new AtomicReferenceArray<>(256);

    LoadRun(Scenario scenario, Target target, Metrics metrics, Settings settings, AtomicLong sequence) {
        this.scenario = scenario;
        this.target = target;
        this.metrics = metrics;
        this.s = settings;
        this.sequence = sequence;
    }

    Map<String, Object> run(Sampler sampler) throws InterruptedException {
        prime();
        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = s.saturate() ? null : Executors.newFixedThreadPool(s.submitters());
        submittedBefore = target.submitted();
        long begin = System.nanoTime();
        if (s.saturate()) {
            for (int i = 0; i < s.submitters(); i++) {
                threads.add(start("submitter-" + i, this::submitClosed));
            }
        } else {
            threads.add(start("arrivals", () -> arrivals(pool, begin)));
        }
        for (int i = 0; i < (scenario.hasClerkSteps() ? s.clerks() : 0); i++) {
            String clerk = scenario.clerk(i);
            threads.add(start("clerk-" + i, () -> clerk(clerk)));
        }
        for (int i = 0; i < s.readers(); i++) {
            threads.add(start("reader-" + i, this::reader));
        }
        Thread.sleep(s.warmupSeconds() * 1000L);
        long c0 = target.completed();
        long sub0 = submitted();
        metrics.recording(true);
        sampler.phase(s.label());
        long t0 = System.nanoTime();
        List<Map<String, Object>> timeline = new ArrayList<>();
        long last = c0;
        for (int sec = 5; sec <= s.seconds(); sec += 5) {
            Thread.sleep(Math.max(0, t0 + sec * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            long c = target.completed();
            long sub = submitted();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("second", sec);
            point.put("completedPerSecond", Metrics.round((c - last) / 5.0));
            point.put("open", sub - c);
            timeline.add(point);
            last = c;
        }
        long c1 = target.completed();
        long sub1 = submitted();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        metrics.recording(false);
        Map<String, Object> resources = sampler.endPhase();
        submitting = false;
        int notSent = 0;
        if (pool != null) {
            // Arrivals the platform was too slow to take are dropped (and reported), not sent into the next phase.
            notSent = pool.shutdownNow().size();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        long drainStart = System.nanoTime();
        // The target's own count: a submission cut off at the end of the window may still have created its case.
        while (target.completed() < target.submitted()
                && System.nanoTime() - drainStart < s.drainSeconds() * 1_000_000_000L) {
            Thread.sleep(500);
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        working = false;
        for (Thread t : threads) {
            t.join(60_000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", s.label());
        out.put("scenario", scenario.name());
        out.put("mode", s.saturate() ? "capacity (open cases capped at " + s.backlog() + ")"
                : "arrival rate " + s.rate() + " cases/s");
        out.put("submitters", s.submitters());
        out.put("clerks", scenario.hasClerkSteps() ? s.clerks() : 0);
        out.put("readers", s.readers());
        out.put("warmupSeconds", s.warmupSeconds());
        out.put("seconds", Metrics.round(elapsed));
        out.put("submittedInWindow", sub1 - sub0);
        out.put("completedInWindow", c1 - c0);
        out.put("completedPerSecond", Metrics.round((c1 - c0) / elapsed));
        out.put("minFiveSecondRate", timeline.stream().mapToDouble(p -> (double) p.get("completedPerSecond")).min()
                .orElse(0));
        out.put("openAtEnd", sub1 - c1);
        out.put("drainSeconds", Metrics.round(drained));
        out.put("unfinishedAfterDrain", target.submitted() - target.completed());
        out.put("submitFailures", submitFailures.get());
        out.put("arrivalsNotSent", notSent);
        out.put("submissionsCutOff", cutOff.get());
        out.put("resources", resources);
        out.put("timeline", timeline);
        return out;
    }

    /**
     * One case alone from start to end before the load: the day's first application number and the year's first
     * certificate number are created by the first caller, and concurrent first callers can deadlock in MariaDB
     * (bench/README.md, findings). Errors here count like any other.
     */
    private void prime() throws InterruptedException {
        long before = target.completed();
        if (target.submit(sequence.getAndIncrement(), System.nanoTime()) == null) {
            return;
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (target.completed() == before && System.nanoTime() < deadline) {
            // Every clerk once (a scenario's steps may belong to different queues); a pause when none had work.
            boolean worked = false;
            for (int i = 0; scenario.hasClerkSteps() && i < s.clerks(); i++) {
                worked |= target.work(scenario.clerk(i));
            }
            if (!worked) {
                Thread.sleep(200);
            }
        }
    }

    /** Cases submitted so far: those before this phase and this phase's successful submissions. */
    private long submitted() {
        return submittedBefore + submittedHere.get();
    }

    private Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Open model: case n is due at begin + n/rate; a late generator still times from when it was due. */
    private void arrivals(ExecutorService pool, long begin) {
        long i = 0;
        long interval = (long) (1_000_000_000L / s.rate());
        while (submitting) {
            long due = begin + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!submitting) {
                return;
            }
            pool.execute(() -> submitOne(due));
            i++;
        }
    }

    private void submitClosed() {
        while (submitting) {
            if (submitted() - target.completed() >= s.backlog()) {
                pause(20);
                continue;
            }
            submitOne(System.nanoTime());
        }
    }

    private void submitOne(long intendedStart) {
        long n = sequence.getAndIncrement();
        Target.Submitted done = target.submit(n, intendedStart);
        if (done == null && Thread.currentThread().isInterrupted()) {
            // In flight when the window closed (shutdownNow): cut off by the generator, not refused by the target.
            cutOff.incrementAndGet();
        } else if (done == null) {
            submitFailures.incrementAndGet();
        } else {
            submittedHere.incrementAndGet();
            recent.set((int) (n % recent.length()), done);
        }
    }

    private void clerk(String account) {
        while (working) {
            try {
                if (!target.work(account)) {
                    pause(50);
                }
            } catch (RuntimeException e) {
                metrics.error("clerk", Metrics.cause(e));
                pause(50);
            }
        }
    }

    private void reader() {
        long i = 0;
        while (working) {
            Target.Submitted some = recent.get((int) (i % recent.length()));
            if (some != null) {
                target.read(i, some);
            }
            i++;
            pause(s.thinkMillis());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
