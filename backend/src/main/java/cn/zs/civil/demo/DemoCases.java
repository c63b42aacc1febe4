package cn.zs.civil.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.Attachments;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.marriage.DivorceService;
import cn.zs.civil.rating.RatingService;
import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.worklist.WorklistService;

/**
 * Demo cases for a first look at the queues, the case pages, the tracking page and the dashboard: a sample of the
 * bureau's months ({@link BureauPlan} over the past {@link #SAMPLE_DAYS} days, run through the platform by
 * {@link BureauRun}: every service, every state, each clerk's queue), then a handful of named funeral cases the
 * walkthroughs use. Runs once, on an empty database, in the embedded default ({@code platform.demo-data=true}),
 * before the web server starts: the sample moves the engine's clock through the past months and puts it back, and
 * nobody can observe it meanwhile.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data", havingValue = "true")
class DemoCases implements SmartLifecycle {

    /**
     * The sample's months, and its figures: about 70 cases, two of each service waiting for the staff (one social
     * organisation at the director's decision), so that every staff account has cases in its queue (start-up time:
     * README, "Demo data").
     */
    static final int SAMPLE_DAYS = 120;
    static final BureauPlan.Figures SAMPLE = new BureauPlan.Figures(18, 12, 4, 2, 3, 1, 18, 8_640);
    static final long SAMPLE_SEED = 2021;

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final PlatformUser ZHANGSAN = user("zhangsan", "张三", Set.of("applicant"), Set.of(), Set.of());
    static final PlatformUser LISI = user("lisi", "李四", Set.of("applicant"), Set.of(), Set.of());
    static final PlatformUser FUNERAL_HOME = user("clerk-funeral-home", "刘洋", Set.of("clerk"), Set.of("funeral-home"),
            Set.of("*"));
    static final PlatformUser REVIEWER = user("clerk-funeral", "王芳", Set.of("clerk"), Set.of("funeral-review"),
            Set.of("shiqi", "dongqu", "xiqu", "nanqu", "wuguishan", "zhongshangang"));

    private final ApplicationService applications;
    private final Attachments attachments;
    private final WorklistService worklist;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    private final BureauRun sample;
    private volatile boolean running;

    DemoCases(ApplicationService applications, Attachments attachments, WorklistService worklist, TaskService tasks,
            RuntimeService runtime, ManagementService management, JdbcTemplate jdbc, DivorceService divorces,
            RatingService ratings, ObjectProvider<DemoRegistry> registry, AppointmentService appointments,
            @org.springframework.beans.factory.annotation.Value("${platform.demo.sample:true}") boolean withSample) {
        DemoRegistry demoRegistry = registry.getIfAvailable();
        this.sample = demoRegistry == null || !withSample ? null : new BureauRun(applications, attachments, worklist, divorces,
                ratings, demoRegistry, tasks, runtime, management, appointments);
        this.applications = applications;
        this.attachments = attachments;
        this.worklist = worklist;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** Before the web server (whose phase is {@code DEFAULT_PHASE - 2048}) and after every bean is made. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        running = true;
        Integer cases = jdbc.queryForObject("select count(*) from application", Integer.class);
        if (cases != null && cases > 0) {
            return;
        }
        if (sample != null) {
            sample();
        }
        seed();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The sample over the past months, up to this moment; the clock goes back to where it was. */
    private void sample() {
        long started = System.nanoTime();
        long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
        LocalDateTime now = BusinessTime.now();
        BureauPlan plan = new BureauPlan(now.toLocalDate().minusDays(SAMPLE_DAYS), now.toLocalDate(), SAMPLE, 2,
                SAMPLE_SEED);
        BureauRun.Outcome outcome;
        try {
            outcome = sample.run(plan, now, done -> { });
        } finally {
            restore(offset);
        }
        log.info("Demo sample: {} cases over the past {} days in {} ms ({} steps; failed steps: {})",
                outcome.cases(), SAMPLE_DAYS, (System.nanoTime() - started) / 1_000_000, outcome.steps(),
                outcome.failures());
    }

    /** Back to the clock before the run: the real one, or the one DEMO_CLOCK_START moved. */
    static void restore(long offset) {
        if (Math.abs(offset) < 1000) {
            ClockUtil.reset();
        } else {
            ClockUtil.offset(offset);
        }
    }

    void seed() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        // Path A at the funeral home: two waived at once, one refused as not covered, one waiting for a clerk.
        waiver("shiqi", "陈伯生", "442000193805121318", "SW4420002026001", daysAgo(16), zh);
        waiver("nanqu", "黄秀英", "440100194008084241", "SW4420002026002", daysAgo(14), zh);
        waiver("dongqu", "李建国", "440300195001153174", "SW4403002026010", daysAgo(17), zh);
        waiver("shiqi", "吴志明", "442000194801016160", "SW4420002026099", daysAgo(13), zh);

        // Path B, reimbursement: one waiting for acceptance, one refused as already waived in Dongguan, one waiting
        // for the applicant's corrections.
        String pending = reimbursement(LISI, "nanqu", "郑海", "442000196103033034", "SW4406002026015",
                "HZ440600202600321", "佛山市殡仪馆", zh);
        String waivedElsewhere = reimbursement(LISI, "dongqu", "周桂芳", "442000195206205156", "SW4419002026031",
                "HZ441900202600789", "东莞市殡仪馆", zh);
        String corrections = reimbursement(ZHANGSAN, "xiaolan", "何丽珍", "442000195509099194", "SW4420002026004",
                "HZ440100202699999", "广州市殡葬服务中心", zh);
        acceptanceBy(user("chief", "赵科长", Set.of("chief"), Set.of("funeral-review"), Set.of("*")), waivedElsewhere,
                corrections);
        log.info("Demo cases created: 4 funeral-home waivers, 3 reimbursements (pending acceptance: {})", pending);
    }

    private void acceptanceBy(PlatformUser chief, String accept, String correct) {
        Task a = task(accept);
        worklist.complete(chief, a.getId(), Map.of("decision", "accept"), Locale.SIMPLIFIED_CHINESE);
        Task c = task(correct);
        worklist.returnForCorrections(chief, c.getId(), List.of(
                new WorklistService.CorrectionItem("cremation-certificate", "火化证明编号与省殡葬数据库记录不符，请上传清晰的火化证明原件扫描件"),
                new WorklistService.CorrectionItem("invoice", "发票缺少逐项收费明细，请补充殡仪馆出具的费用明细清单")),
                "请一次性补齐以上材料。");
    }

    /** A day before the platform's today (dates follow the platform's clock, e.g. DEMO_CLOCK_START). */
    private static String daysAgo(int days) {
        return cn.zs.civil.application.BusinessTime.now().toLocalDate().minusDays(days).toString();
    }

    private void waiver(String district, String name, String id, String certificate, String deathDate, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", district);
        data.put("deceasedName", name);
        data.put("deceasedIdNumber", id);
        data.put("dateOfDeath", deathDate);
        data.put("deathCertificateNo", certificate);
        data.put("placeOfDeath", "中山市人民医院");
        data.put("cremationDate", daysAgo(10));
        data.put("items", items());
        data.put("agentName", "陈家豪");
        data.put("agentIdNumber", "442000199001011014");
        data.put("relationship", "CHILD");
        data.put("phone", "13800138000");
        String no = applications.submit(FUNERAL_HOME, "funeral-fee-waiver", data, null, locale).applicationNo();
        runJobs(no);
    }

    private String reimbursement(PlatformUser applicant, String district, String name, String id, String death,
            String cremation, String funeralHome, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", district);
        data.put("deceasedName", name);
        data.put("deceasedIdNumber", id);
        data.put("dateOfDeath", daysAgo(16));
        data.put("deathCertificateNo", death);
        data.put("cremationCertificateNo", cremation);
        data.put("cremationDate", daysAgo(12));
        data.put("funeralHome", funeralHome);
        data.put("items", items());
        data.put("waivedElsewhereDeclared", "no");
        data.put("applicantName", applicant.name());
        data.put("applicantIdNumber", applicant == ZHANGSAN ? "442000199001011014" : "442000199202022027");
        data.put("relationship", "CHILD");
        data.put("phone", "13900139000");
        data.put("bankName", "中国工商银行中山分行");
        data.put("bankAccount", "6222020000123456789");
        data.put("cremationCertificateFile", attachments.store(applicant, "火化证明.pdf", pdf()).id());
        data.put("invoiceFile", List.of(attachments.store(applicant, "发票.pdf", pdf()).id()));
        data.put("declaration", true);
        String no = applications.submit(applicant, "funeral-fee-reimbursement", data, null, locale).applicationNo();
        runJobs(no);
        return no;
    }

    private static List<Map<String, Object>> items() {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("itemCode", "TRANSPORT", "quantity", 30, "charge", 150));
        items.add(Map.of("itemCode", "STORAGE", "quantity", 2, "charge", 200));
        items.add(Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 300));
        items.add(Map.of("itemCode", "URN", "quantity", 1, "charge", 480));
        return items;
    }

    /** Runs the case's asynchronous steps now, so the demo's states are settled when the application is ready. */
    private void runJobs(String applicationNo) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult()
                .getId();
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private Task task(String applicationNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).singleResult();
    }

    /** A minimal valid PDF, enough for the content sniffing of uploads. */
    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static PlatformUser user(String id, String name, Set<String> roles, Set<String> groups, Set<String> districts) {
        return new PlatformUser(id, name, roles, groups, districts);
    }
}
