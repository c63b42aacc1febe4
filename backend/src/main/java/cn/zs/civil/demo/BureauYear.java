package cn.zs.civil.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.Attachments;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.marriage.DivorceService;
import cn.zs.civil.rating.RatingService;
import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.reports.ReportsService;
import cn.zs.civil.worklist.WorklistService;

/**
 * The bureau's year (README, "The bureau's year"): with {@code platform.demo.bureau-year} ({@code BUREAU_YEAR}) set,
 * the application runs one synthetic year of the seed report's volumes and mix through the platform
 * ({@link BureauPlan}, {@link BureauRun}), compares the year's annual statistics with the seed's figures line by
 * line, writes them to {@code platform.demo.bureau-report} and exits: 0 when every line is equal. Demonstrations
 * only: it moves the engine's clock, so it runs without the job executor, on a loopback port of its own that nobody
 * uses, and only where the demo clock may exist ({@code platform.demo.time-travel=true}).
 */
@Component
@ConditionalOnProperty(name = "platform.demo.bureau-year")
class BureauYear implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BureauYear.class);

    private final BureauRun run;
    private final ReportsService reports;
    private final Environment environment;
    private final org.springframework.context.ConfigurableApplicationContext context;

    BureauYear(ApplicationService applications, Attachments attachments, WorklistService worklist,
            DivorceService divorces, RatingService ratings, ObjectProvider<DemoRegistry> registry, TaskService tasks,
            RuntimeService runtime, ManagementService management, AppointmentService appointments,
            ReportsService reports, Environment environment,
            org.springframework.context.ConfigurableApplicationContext context) {
        DemoRegistry demoRegistry = registry.getIfAvailable();
        if (demoRegistry == null) {
            throw new IllegalStateException("BUREAU_YEAR runs with the built-in demo registry (REGISTRY_MODE=demo): its "
                    + "residents are synthetic.");
        }
        if (!environment.getProperty(DemoClockStart.TIME_TRAVEL, Boolean.class, false)) {
            throw new IllegalStateException("BUREAU_YEAR moves the platform's clock through a year and exists only "
                    + "with the demo clock: set DEMO_TIME_TRAVEL=true, or remove it.");
        }
        if (environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)) {
            throw new IllegalStateException("BUREAU_YEAR fires the year's jobs itself, in order: start it with "
                    + "--camunda.bpm.job-execution.enabled=false (README, \"The bureau's year\").");
        }
        this.run = new BureauRun(applications, attachments, worklist, divorces, ratings, demoRegistry, tasks, runtime,
                management, appointments);
        this.reports = reports;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = environment.getRequiredProperty("platform.demo.bureau-year", Integer.class);
        double scale = environment.getProperty("platform.demo.bureau-scale", Double.class, 1.0);
        long seed = environment.getProperty("platform.demo.bureau-seed", Long.class, 2021L);
        String report = environment.getProperty("platform.demo.bureau-report", "");
        if (year < 2000 || year > 2100 || !(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("BUREAU_YEAR must be a year (2000-2100) and BUREAU_SCALE in (0, 1]");
        }
        long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
        long started = System.nanoTime();
        BureauPlan plan = BureauPlan.year(year, scale, seed);
        log.info("Bureau year {}: {} cases planned at scale {}", year, plan.cases.size(), scale);
        BureauRun.Outcome outcome;
        try {
            outcome = run.run(plan, LocalDate.of(year, 12, 31).atTime(23, 59, 59), done -> log.info(
                    "Bureau year {}: {} cases submitted, {} s", year, done, (System.nanoTime() - started) / 1_000_000_000));
        } finally {
            DemoCases.restore(offset);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        ReportsService.AnnualReport annual = reports.annual(year, null);
        List<Line> lines = lines(plan, annual);
        boolean equal = lines.stream().allMatch(Line::equal);
        String text = markdown(year, scale, seed, plan, outcome, took, lines);
        log.info("Bureau year {} done in {}:\n{}", year, took, text);
        if (!report.isBlank()) {
            try {
                Files.writeString(Path.of(report), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int code = equal && outcome.failures().isEmpty() ? 0 : 1;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
    }

    /** One line of the seed's table: the target (scaled) and what the platform's annual statistics say. */
    record Line(String zh, String en, String target, String actual, boolean equal) {
    }

    static List<Line> lines(BureauPlan plan, ReportsService.AnnualReport annual) {
        BureauPlan.Figures t = plan.targets;
        Map<String, Long> form = new java.util.HashMap<>();
        annual.bureau().lines().forEach(l -> form.put(l.key(), l.value()));
        long orgs = form.getOrDefault("socialOrgEstablishments", 0L) + form.getOrDefault("socialOrgChanges", 0L)
                + form.getOrDefault("socialOrgCancellations", 0L);
        BigDecimal yuan = annual.bureau().funeralFeeWaivedYuan();
        BigDecimal millions = yuan.movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP);
        return List.of(
                line("结婚登记", "Marriage registrations", t.marriages(), form.get("marriageRegistrations")),
                line("离婚登记申请", "Divorce applications", t.divorceApplications(), form.get("divorceApplications")),
                line("离婚登记", "Divorce registrations", t.divorces(), form.get("divorceRegistrations")),
                line("其中跨省（跨市）", "of which cross-province or cross-city", t.crossRegion(),
                        annual.bureau().crossRegionCases()),
                line("社会组织登记审批", "Social-organisation approvals", t.socialOrgs(), orgs),
                line("地名命名更名批准", "Place-name approvals", t.placeNames(), form.get("placeNameApprovals")),
                line("殡葬费用减免（宗）", "Funeral-fee waivers", t.waivers(), annual.bureau().funeralFeeWaivers()),
                new Line("减免金额（万元）", "Waived (10,000 yuan)",
                        BigDecimal.valueOf(t.waivedYuan()).movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString(),
                        yuan.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " ("
                                + millions.toPlainString() + " million)",
                        yuan.compareTo(BigDecimal.valueOf(t.waivedYuan())) == 0),
                online(plan, annual.bureau()));
    }

    /**
     * The online share (网上办理率): the plan's share, which is the seed's 97.2 % at full scale and as near as whole
     * cases allow at a smaller one, next to the annual statistics' with what it is made of. Equal when the platform
     * counts the same share to four decimals.
     */
    private static Line online(BureauPlan plan, ReportsService.BureauForm bureau) {
        BigDecimal planned = plan.onlineShare();
        BigDecimal share = bureau.onlineShare();
        ReportsService.OnlineShare o = bureau.online();
        String target = percent(planned) + (planned != null && percent(planned).equals(percent(
                BureauPlan.SEED_ONLINE_SHARE)) ? "" : " (seed 97.2 %)") + ": " + String.format("%,d", plan.received()
                - plan.walkIns) + " of " + String.format("%,d", plan.received());
        String actual = share == null ? "-" : percent(share) + ": " + String.format("%,d", o.online()) + " of "
                + String.format("%,d", o.received()) + " (" + String.format("%,d", o.appliedOnline())
                + " applied online, " + String.format("%,d", o.bookedOnline()) + " booked online, "
                + String.format("%,d", o.grantedWithoutApplication()) + " granted without application, "
                + String.format("%,d", o.walkIns()) + " walk-ins)";
        return new Line("网上办理率", "Handled online", target, actual,
                share != null && planned != null && share.compareTo(planned) == 0);
    }

    private static String percent(BigDecimal share) {
        return share == null ? "-" : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + " %";
    }

    private static Line line(String zh, String en, long target, Long actual) {
        long a = actual == null ? 0 : actual;
        return new Line(zh, en, String.format("%,d", target), String.format("%,d", a), a == target);
    }

    private static String markdown(int year, double scale, long seed, BureauPlan plan, BureauRun.Outcome outcome,
            Duration took, List<Line> lines) {
        StringBuilder s = new StringBuilder();
        s.append("| line | seed report").append(scale == 1 ? "" : " x " + scale).append(" | platform, annual statistics ")
                .append(year).append(" | equal |\n|---|---:|---:|---|\n");
        for (Line l : lines) {
            s.append("| ").append(l.zh()).append(" ").append(l.en()).append(" | ").append(l.target()).append(" | ")
                    .append(l.actual()).append(" | ").append(l.equal() ? "yes" : "**no**").append(" |\n");
        }
        s.append("\n").append(String.format("%,d", outcome.cases())).append(" cases of ")
                .append(String.format("%,d", plan.cases.size())).append(" planned, ")
                .append(String.format("%,d", outcome.steps())).append(" steps, seed ").append(seed).append(", wall time ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. Failed steps: ")
                .append(outcome.failures().isEmpty() ? "none" : outcome.failures().toString()).append(".\n");
        return s.toString();
    }
}
