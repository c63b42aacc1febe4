package cn.zs.civil.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Ports, sizes and shared look-ups of the fault suites (profile faults-it). */
final class FaultSuite {

    static final int CASES = Integer.getInteger("faults.cases", 1000);
    static final int NODE_A_PORT = Integer.getInteger("faults.port.a", 18401);
    static final int NODE_B_PORT = Integer.getInteger("faults.port.b", 18402);
    static final int REGISTRY_PORT = Integer.getInteger("faults.port.registry", 18460);
    /**
     * Job locks of a node that died expire after this long; the engine's default is 5 minutes. The suites shorten
     * it so a restarted node takes the dead node's jobs on within the test's time.
     */
    static final List<String> NODE_ARGS = List.of("--camunda.bpm.job-execution.lock-time-in-millis=20000");

    private FaultSuite() {
    }

    /**
     * A node's notifications by e-mail to the suite's SMTP server on 127.0.0.1; the outbox polls every second and a
     * message claimed by a node that was killed is free again after 20 s (longer than an SMTP send may take); a
     * message that cannot be sent (the suite stops the mail server for a while) is tried again every 10 s at most,
     * for up to 60 attempts.
     */
    static java.util.Map<String, String> mailEnv(int smtpPort) {
        return java.util.Map.of("NOTIFY_EMAIL_MODE", "SMTP", "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
                String.valueOf(smtpPort), "OUTBOX_POLL_INTERVAL", "PT1S", "OUTBOX_LEASE", "PT20S",
                "OUTBOX_FIRST_RETRY", "PT2S", "OUTBOX_MAX_RETRY", "PT10S", "OUTBOX_MAX_ATTEMPTS", "60");
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path workDir(String name) {
        return Path.of(System.getProperty("faults.work", "target/faults")).toAbsolutePath().resolve(name);
    }

    /**
     * Each case by its Idempotency-Key: whether it exists once, its process instance, its end state and every side
     * effect that must happen once (payment, certificate number, decision, acceptance, registry check).
     */
    static final String END_STATE = """
            select k.idem_key, a.service_code, a.status, a.outcome,
              (select count(*) from application x where x.application_no = k.application_no) as cases,
              (select count(*) from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = k.application_no and p.PROC_DEF_KEY_ <> 'service-rating') as instances,
              (select count(*) from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = k.application_no and p.PROC_DEF_KEY_ <> 'service-rating' and p.END_TIME_ is not null) as ended,
              (select count(*) from funeral_waiver w where w.application_no = k.application_no and w.paid_at is not null) as paid,
              (select count(*) from marriage_certificate c where c.application_no = k.application_no) as certificates,
              (select count(*) from case_event e where e.application_no = k.application_no and e.event_type = 'SUBMITTED') as submitted,
              (select count(*) from case_event e where e.application_no = k.application_no and e.event_type = 'CHECKED') as checked,
              (select count(*) from case_event e where e.application_no = k.application_no and e.event_type in ('ACCEPTED', 'DEEMED_ACCEPTED')) as accepted,
              (select count(*) from case_event e where e.application_no = k.application_no and e.event_type = 'DECIDED') as decided,
              (select count(*) from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = k.application_no and p.PROC_DEF_KEY_ = 'service-rating') as rating_windows
            from idempotency_key k join application a on a.application_no = k.application_no
            order by k.idem_key""";

    /**
     * The jobs of the cases' own work. Every case that ends with a result opens its rating window (好差评), a process
     * whose 7-day timer waits for the applicant's rating by design: it is not work left over; nor is the engine's
     * nightly history cleanup job.
     */
    static final String CASE_JOBS = "select count(*) from ACT_RU_JOB where HANDLER_TYPE_ <> 'history-cleanup'"
            + " and (PROCESS_DEF_KEY_ is null or PROCESS_DEF_KEY_ <> 'service-rating')";

    static void awaitCount(OwnMariaDb db, String database, String sql, long expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = db.count(database, sql);
            if (seen == expected) {
                return;
            }
            OwnMariaDb.sleep(1000);
        }
        throw new AssertionError("after " + limit + ": " + seen + " instead of " + expected + " for " + sql);
    }
}
