package cn.zs.civil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.zs.civil.support.Api;

/**
 * kill -9 of the application (packaged jar, MariaDB, job executor on) while cases are being submitted, clerks are
 * completing tasks, timers are firing and payments run; a restart on the same database; then every acknowledged
 * submission must exist exactly once and end exactly as the same script ends in an undisturbed control run (case by
 * case: the script makes a case's end state a function of its kind, and the control run, on fewer cases, shows that
 * function), every side effect counted once, and retries of unanswered submissions (same Idempotency-Key) must not
 * duplicate. The notifications of the cases go out through the outbox by e-mail to an SMTP server the test runs
 * (GreenMail on 127.0.0.1): after the kill and the restart every e-mail message written to the outbox is received,
 * counted once by its Message-ID ({@code <outbox-ID@...>}, the same on every attempt), and none is lost.
 */
class CrashRecoveryFaultIT {

    /** The undisturbed control run plays the same script on fewer cases: every kind many times over. */
    private static final int CONTROL_CASES = Integer.getInteger("faults.control.cases",
            Math.min(100, FaultSuite.CASES));
    private static final String FINISHED = "select count(*) from application where outcome in ('PAID', 'REGISTERED')";

    record Run(String database, CaseLoad load, List<List<String>> endState, int acknowledgedBeforeKill,
            Mails mails) {
    }

    /**
     * The e-mails of a run: written to the outbox (rows of kind notify.email), received by the SMTP server (every
     * copy), received counted by Message-ID, the rows attempted more than once (the mail server was away, or their
     * lease ran out: their node was killed while sending), and the rows not yet delivered when the node was killed.
     */
    record Mails(long written, long received, long distinctReceived, long unsentOrFailed, long attemptedAgain,
            java.util.Set<String> missing, long pendingAtKill) {
        long repeats() {
            return received - distinctReceived;
        }
    }

    private static final String EMAILS = "select count(*) from outbox_message where kind = 'notify.email'";
    private static final String NOT_SENT = "select count(*) from outbox_message where status <> 'SENT'";

    @Test
    void aKilledNodeLosesNothingAcknowledgedAndDoesNothingTwice() throws Exception {
        OwnMariaDb db = OwnMariaDb.shared();
        try (StubRegistry registry = new StubRegistry(FaultSuite.REGISTRY_PORT)) {
            Run control = run(db, registry, "hf_crash_control", false, CONTROL_CASES);
            System.out.println("[crash] control run: " + control.load().summary());
            Run crashed = run(db, registry, "hf_crash_killed", true, FaultSuite.CASES);
            System.out.println("[crash] killed run: " + crashed.load().summary() + " acknowledgedBeforeKill="
                    + crashed.acknowledgedBeforeKill());

            for (Run r : List.of(control, crashed)) {
                CaseLoad load = r.load();
                assertThat(load.unexpected).as("unexpected answers").isEmpty();
                assertThat(load.statuses.keySet()).as("no 5xx answer").allMatch(s -> s < 500);
                int cases = load.cases;
                assertThat(load.acknowledged).hasSize(cases);
                // Every acknowledged number is the case of its key, and there is no other case.
                Map<String, String> byKey = new java.util.HashMap<>();
                db.rows(r.database(), "select idem_key, application_no from idempotency_key")
                        .forEach(row -> byKey.put(row.get(0), row.get(1)));
                load.acknowledged.forEach((i, no) -> assertThat(byKey.get(CaseLoad.key(i))).isEqualTo(no));
                assertThat(db.count(r.database(), "select count(*) from application")).isEqualTo(cases);
                // Subject names are sealed (random IVs): each case has its own, none in plain text.
                assertThat(db.count(r.database(), "select count(*) from application where subject_sealed like 'enc:v1:%'"))
                        .as("one sealed subject per case").isEqualTo(cases);
                assertThat(db.count(r.database(), FaultSuite.CASE_JOBS)).as("jobs left").isZero();
                assertThat(db.count(r.database(), "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
                long marriages = load.acknowledged.keySet().stream()
                        .filter(i -> CaseLoad.kind(i) == CaseLoad.Kind.MARRIAGE).count();
                assertThat(db.count(r.database(), "select count(distinct certificate_no) from marriage_certificate"))
                        .as("certificate numbers issued").isEqualTo(marriages);
                assertThat(db.count(r.database(), "select max(next_value) from number_sequence where seq_name like 'J%'"))
                        .as("certificate sequence without gaps").isEqualTo(marriages);
                assertThat(db.count(r.database(), "select count(*) from funeral_waiver where paid_at is not null"))
                        .as("payments recorded").isEqualTo(cases - marriages);
                // The outbox: every message sent, none failed; every e-mail written is received, once by Message-ID; a
                // copy received twice can only be a message whose delivery was attempted again after its lease ran
                // out (its node killed between the SMTP server's acceptance and the mark as sent).
                Mails mails = r.mails();
                assertThat(mails.written()).as("e-mails written to the outbox").isPositive();
                assertThat(mails.unsentOrFailed()).as("outbox messages not sent").isZero();
                assertThat(mails.missing()).as("e-mails written but never received").isEmpty();
                assertThat(mails.distinctReceived()).as("distinct Message-IDs received").isEqualTo(mails.written());
                // (The server received the copies it accepted; a message sent while it was away was retried.)
                assertThat(mails.repeats()).as("copies received twice").isLessThanOrEqualTo(mails.attemptedAgain());
                // One receipt, one decision, one rating request per funeral case (zhangsan's, with an address).
                long funeralCases = load.acknowledged.keySet().stream()
                        .filter(i -> CaseLoad.kind(i) != CaseLoad.Kind.MARRIAGE).count();
                for (String template : List.of("RECEIPT", "DECISION", "RATING_REQUEST")) {
                    assertThat(db.count(r.database(), "select count(*) from outbox_message where kind = 'notify.email'"
                            + " and payload like '%\"template\":\"" + template + "\"%'"))
                            .as("%s e-mails", template).isEqualTo(funeralCases);
                }
                for (List<String> row : r.endState()) {
                    // cases, instances, ended, submitted, decided, rating windows: exactly one each
                    assertThat(List.of(row.get(4), row.get(5), row.get(6), row.get(9), row.get(12), row.get(13)))
                            .as("case %s exists once, with one finished process, submitted and decided once, one"
                                    + " rating window", row)
                            .containsOnly("1");
                }
            }
            // The script makes a case's end state a function of its kind; the control run shows that function.
            Map<CaseLoad.Kind, java.util.Set<List<String>>> expected = byKind(control.endState());
            assertThat(expected.values()).as("control run: one end state per kind " + expected)
                    .allMatch(states -> states.size() == 1);
            assertThat(expected).hasSize(CaseLoad.Kind.values().length);
            Map<CaseLoad.Kind, java.util.Set<List<String>>> seen = byKind(crashed.endState());
            assertThat(seen).as("every case of the killed run ends like the control run's cases of its kind")
                    .isEqualTo(expected);
            System.out.println("[crash] held: " + FaultSuite.CASES + " acknowledged cases, each exactly once with one "
                    + "finished process instance; each case's end state equal to the control run's for its kind; "
                    + "payments "
                    + db.count(crashed.database(), "select count(*) from funeral_waiver where paid_at is not null")
                    + ", certificate numbers "
                    + db.count(crashed.database(), "select count(*) from marriage_certificate")
                    + " (gap-free), marriages reported to the registry " + registry.reportedMarriages().size()
                    + " (reported more than once, by a report job cut off before its commit and run again: "
                    + registry.reportedMarriages().values().stream().filter(n -> n.get() > 1).count() + ")");
            Mails mails = crashed.mails();
            assertThat(mails.pendingAtKill()).as("outbox messages written and not yet delivered at the kill").isPositive();
            System.out.println("[crash] outbox: " + mails.pendingAtKill() + " messages not yet delivered at the kill; "
                    + mails.written() + " e-mails written, all sent; the SMTP server "
                    + "received " + mails.received() + " copies with " + mails.distinctReceived() + " distinct "
                    + "Message-IDs (each message once by its Message-ID; " + mails.repeats() + " copies received twice, "
                    + mails.attemptedAgain() + " messages attempted more than once: the mail server away, or a lease"
                    + " that ran out)");
        }
    }

    private Run run(OwnMariaDb db, StubRegistry registry, String database, boolean kill, int cases) throws Exception {
        db.freshDatabase(database);
        registry.reset();
        int smtpPort = FaultSuite.freePort();
        AtomicReference<GreenMail> mail = new AtomicReference<>(smtpServer(smtpPort));
        // Message-IDs received by a server that was stopped before the kill, with their copies.
        Map<String, Integer> receivedEarlier = new java.util.HashMap<>();
        long pendingAtKill = -1;
        Map<String, String> env = new java.util.LinkedHashMap<>(AppNode.mysqlEnv(db, database, registry));
        env.putAll(FaultSuite.mailEnv(smtpPort));
        AppNode node = new AppNode(database, FaultSuite.NODE_A_PORT, FaultSuite.workDir(database), env,
                FaultSuite.NODE_ARGS).start();
        AtomicReference<Api> api = new AtomicReference<>(new Api(node.port, Duration.ofSeconds(120)));
        CaseLoad load = new CaseLoad(cases, api::get);
        int acknowledgedBeforeKill = -1;
        try {
            Thread funeralClerk = new Thread(load.clerk(CaseLoad.FUNERAL_CLERK, 2), "funeral-clerk");
            Thread registrar = new Thread(load.clerk(CaseLoad.REGISTRAR, 2), "registrar");
            Thread submitting = new Thread(() -> {
                try {
                    load.submitAll(6, i -> true, Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "applicants");
            funeralClerk.start();
            registrar.start();
            submitting.start();

            awaitAcknowledged(load, cases * 2 / 5);
            // The clock moves past the correction window the platform reports: the acceptance timers so far fire.
            Thread travelling = new Thread(() -> CaseLoad.travelPastCorrectionWindow(api.get()), "clock");
            travelling.start();
            if (kill) {
                // The mail server goes away for a while: the cases' messages pile up in the outbox, retried, so the
                // kill finds messages written and not yet delivered (in flight).
                count(receivedEarlier, mail.get());
                mail.get().stop();
                awaitAcknowledged(load, cases * 3 / 5);
                OwnMariaDb.sleep(1500);
                acknowledgedBeforeKill = load.acknowledged.size();
                pendingAtKill = db.count(database, NOT_SENT);
                node.kill();
                System.out.println("[crash] kill -9 after " + acknowledgedBeforeKill + " acknowledged submissions, "
                        + load.completions.sum() + " task completions; timers firing: " + travelling.isAlive()
                        + "; outbox messages not yet delivered: " + pendingAtKill);
                travelling.join();
                mail.set(smtpServer(smtpPort));
                node.start();
                // The demo clock lives in the JVM: the restarted node gets it back first.
                System.out.println("[crash] restarted; clock: " + CaseLoad.travelPastCorrectionWindow(api.get()));
                // Clients whose answers were cut off send again: the same key must give the first case back.
                java.util.Set<Integer> before = java.util.Set.copyOf(load.acknowledged.keySet());
                assertThat(load.resend(before)).as("resent after the restart").isEmpty();
                System.out.println("[crash] " + before.size() + " acknowledged submissions sent again after the "
                        + "restart with their Idempotency-Key: each answered 200 with its first case's number");
            } else {
                travelling.join();
            }
            submitting.join();
            System.out.println("[crash] " + database + " submissions answered: " + load.summary() + " unexpected: "
                    + load.unexpected);
            // All submitted: the rest of the acceptance timers fall due.
            System.out.println("[crash] " + database + " all submitted; clock: " + CaseLoad.travelPastCorrectionWindow(api.get()));
            FaultSuite.awaitCount(db, database, FINISHED, cases, Duration.ofMinutes(6));
            FaultSuite.awaitCount(db, database, FaultSuite.CASE_JOBS, 0, Duration.ofMinutes(1));
            load.stop();
            funeralClerk.join();
            registrar.join();
            // One dispatcher delivers some 7 messages per case (SMS, e-mail, documents), 15 a second on a loaded
            // 2-core machine: 1,000 cases left 3,600 to deliver after the load, more than a fixed 2 minutes.
            FaultSuite.awaitCount(db, database, NOT_SENT, 0, Duration.ofSeconds(Math.max(120, cases * 2 / 5)));
            count(receivedEarlier, mail.get());
            return new Run(database, load, db.rows(database, FaultSuite.END_STATE).stream()
                    .map(row -> row.subList(0, row.size())).toList(), acknowledgedBeforeKill,
                    mails(db, database, receivedEarlier, pendingAtKill));
        } finally {
            load.stop();
            node.stop();
            mail.get().stop();
        }
    }

    private static GreenMail smtpServer(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Adds the copies the server received, by Message-ID. */
    private static void count(Map<String, Integer> received, GreenMail server) throws Exception {
        for (jakarta.mail.internet.MimeMessage m : server.getReceivedMessages()) {
            received.merge(m.getMessageID(), 1, Integer::sum);
        }
    }

    /** What the outbox wrote and the SMTP server(s) received, by Message-ID. */
    private static Mails mails(OwnMariaDb db, String database, Map<String, Integer> received, long pendingAtKill) {
        java.util.Set<String> expected = new java.util.HashSet<>();
        db.rows(database, "select id from outbox_message where kind = 'notify.email'")
                .forEach(row -> expected.add("<outbox-" + row.get(0) + "@civil.example.com>"));
        java.util.Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(received.keySet());
        return new Mails(db.count(database, EMAILS), received.values().stream().mapToLong(Integer::longValue).sum(),
                received.size(), db.count(database, NOT_SENT),
                db.count(database, "select count(*) from outbox_message where kind = 'notify.email' and attempts > 1"),
                missing, pendingAtKill);
    }

    /** End states (without the key) by the kind of case the key names. */
    private static Map<CaseLoad.Kind, java.util.Set<List<String>>> byKind(List<List<String>> endState) {
        Map<CaseLoad.Kind, java.util.Set<List<String>>> out = new java.util.EnumMap<>(CaseLoad.Kind.class);
        for (List<String> row : endState) {
            int i = Integer.parseInt(row.get(0).substring("case-".length()));
            out.computeIfAbsent(CaseLoad.kind(i), k -> new java.util.HashSet<>()).add(row.subList(1, row.size()));
        }
        return out;
    }

    private static void awaitAcknowledged(CaseLoad load, int count) {
        while (load.acknowledged.size() < count) {
            OwnMariaDb.sleep(100);
        }
    }
}
