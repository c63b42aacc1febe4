package cn.zs.civil.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, in the background, writes the facts of the cases and tasks that have none (the history from before
 * the reporting tables, or rows loaded straight into the database as the benchmark does). The reports count only
 * what has facts; the log says when the backfill is done. {@code platform.reports.backfill-on-start=false} turns it
 * off.
 */
@Component
class ReportFactsBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFactsBackfill.class);

    private final ReportFacts facts;
    private final boolean enabled;

    ReportFactsBackfill(ReportFacts facts, @Value("${platform.reports.backfill-on-start:true}") boolean enabled) {
        this.facts = facts;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                long start = System.nanoTime();
                ReportFacts.Backfilled done = facts.backfill();
                LOG.info("Report facts up to date: {} cases and {} completed tasks backfilled, in {} s", done.cases(),
                        done.tasks(), (System.nanoTime() - start) / 1_000_000_000L);
            } catch (RuntimeException e) {
                LOG.error("Report facts backfill failed; it runs again at the next start", e);
            }
        }, "report-facts-backfill");
        thread.setDaemon(true);
        thread.start();
    }
}
