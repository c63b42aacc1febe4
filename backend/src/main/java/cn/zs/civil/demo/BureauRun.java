package cn.zs.civil.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.Attachments;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.marriage.DivorceService;
import cn.zs.civil.rating.RatingService;
import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.registry.Registries;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.worklist.WorklistService;

/**
 * Runs a {@link BureauPlan} through the platform as its people would: the counter clerks and the applicants submit
 * through {@link ApplicationService}, the staff complete their tasks through {@link WorklistService} (the forms are
 * checked as on screen), couples book their marriage or divorce online through {@link AppointmentService} and
 * check in with the booking's number (all but the plan's walk-ins), divorces are withdrawn and appeared for through
 * {@link DivorceService}, applicants correct,
 * withdraw and rate through their own services; the engine's clock is moved to each step's moment and every timer
 * due by then fires (cooling-off periods, consultation periods, rating windows). The synthetic residents are
 * enrolled in the built-in demo registry first. One thread, the job executor off or not yet started: nothing else
 * observes the moved clock.
 */
final class BureauRun {

    private static final Logger log = LoggerFactory.getLogger(BureauRun.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String CITY = "442000";
    private static final String ELSEWHERE = "430102";

    static final PlatformUser REGISTRAR = staff("clerk-marriage", "黄丽", "clerk", Set.of("marriage-registrar"),
            Set.of("*"));
    static final PlatformUser FUNERAL_HOME = staff("clerk-funeral-home", "刘洋", "clerk", Set.of("funeral-home"),
            Set.of("*"));
    static final PlatformUser FUNERAL_CITY = staff("clerk-funeral", "王芳", "clerk", Set.of("funeral-review"),
            Set.of("shiqi", "dongqu", "xiqu", "nanqu", "wuguishan", "zhongshangang"));
    static final PlatformUser FUNERAL_XL = staff("clerk-funeral-xl", "陈明", "clerk", Set.of("funeral-review"),
            Set.of("xiaolan", "guzhen", "dongfeng", "nantou", "huangpu", "henglan"));
    static final PlatformUser SOCIALORG = staff("clerk-socialorg", "周强", "clerk", Set.of("socialorg-review"),
            Set.of("*"));
    static final PlatformUser PLACENAME = staff("clerk-placename", "吴静", "clerk", Set.of("placename-review"),
            Set.of("*"));
    static final PlatformUser CHIEF = staff("chief", "赵科长", "chief", Set.of("section-chief", "funeral-review",
            "funeral-home", "marriage-registrar", "socialorg-review", "placename-review"), Set.of("*"));
    static final PlatformUser DIRECTOR = staff("director", "钱局长", "director", Set.of("director"), Set.of("*"));

    private static final String[] SURNAMES = {"陈", "李", "黄", "梁", "林", "张", "吴", "刘", "何", "郑", "杨", "谭"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "静", "强", "磊", "婷", "杰", "丽", "军", "洋", "娟", "勇", "霞",
        "明", "华", "燕", "平", "辉", "玲"};
    private static final String[] GROUP_THEMES = {"书法", "摄影", "围棋", "象棋", "舞蹈", "音乐", "足球", "篮球", "游泳",
        "园艺", "茶艺", "诗词", "曲艺", "粤剧", "武术", "龙舟", "骑行", "跑步", "科普", "物流", "餐饮", "咨询", "钓鱼", "棋牌",
        "收藏", "集邮", "动漫", "编程", "灯饰", "红木", "花木", "五金", "服装", "家电", "电子", "美术", "朗诵", "合唱", "太极",
        "登山", "羽毛球", "乒乓球", "网球", "排球", "门球", "健身", "瑜伽", "桥牌", "航模", "天文"};
    private static final String[] UNIT_THEMES = {"养老", "托育", "助残", "家政", "康复", "社工", "心理", "培训", "调解",
        "救助", "长者", "青少年", "妇女儿童", "社区", "邻里", "慈善", "公益", "志愿", "医养", "健康", "阅读", "艺术", "体育",
        "环保", "法律援助"};
    private static final String[] TOWN_NAMES = {"石岐", "东区", "西区", "南区", "五桂山", "中山港", "民众", "南朗", "小榄", "古镇",
        "坦洲", "黄圃", "三乡", "东凤", "南头", "沙溪", "横栏", "三角", "港口", "大涌", "板芙", "神湾", "阜沙"};
    /** Two lists whose characters read differently within each list, so no two names of the plan are homophones. */
    private static final String[] NAME_FIRST = {"富", "康", "安", "泰", "和", "平", "兴", "盛", "瑞", "祥", "德", "明"};
    private static final String[] NAME_SECOND = {"华", "丰", "裕", "嘉", "乐", "宁", "源", "景", "荣", "晖", "雅", "翠"};

    private final ApplicationService applications;
    private final Attachments attachments;
    private final WorklistService worklist;
    private final DivorceService divorces;
    private final RatingService ratings;
    private final DemoRegistry registry;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AppointmentService appointments;

    private final Map<Integer, String> numbers = new HashMap<>();
    /** The booking a couple made online, by case: its number goes on the check-in form. */
    private final Map<Integer, String> bookings = new HashMap<>();
    /** The couple's ID numbers by case, drawn once (at the booking or at the counter) so both carry the same. */
    private final Map<Integer, String[]> couples = new HashMap<>();
    private AppointmentService.Options bookable;
    private final Map<Integer, String[]> parties = new HashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private int socialOrgs;
    private int placeNames;
    private int steps;

    BureauRun(ApplicationService applications, Attachments attachments, WorklistService worklist,
            DivorceService divorces, RatingService ratings, DemoRegistry registry, TaskService tasks,
            RuntimeService runtime, ManagementService management, AppointmentService appointments) {
        this.applications = applications;
        this.appointments = appointments;
        this.attachments = attachments;
        this.worklist = worklist;
        this.divorces = divorces;
        this.ratings = ratings;
        this.registry = registry;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    /** What a run did: cases submitted, steps taken, steps that failed (by kind, with a count). */
    record Outcome(int cases, int steps, Map<String, Integer> failures) {
    }

    private record Pending(LocalDateTime at, BureauPlan.Case planned, int step) {
    }

    /**
     * Runs every step of the plan up to {@code end} (Zhongshan time), leaves the clock at {@code end} and fires what
     * is due by then. The caller puts the clock back.
     */
    Outcome run(BureauPlan plan, LocalDateTime end, java.util.function.IntConsumer progress) {
        PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Integer.compare(a.planned().seq(), b.planned().seq()) : a.at().compareTo(b.at()));
        for (BureauPlan.Case c : plan.cases) {
            // A booked couple's first step is the booking (step -1), days before they come to the counter.
            queue.add(c.bookedAt() == null ? new Pending(c.receivedAt(), c, 0) : new Pending(c.bookedAt(), c, -1));
        }
        LocalDateTime swept = null;
        LocalDateTime now = null;
        int done = 0;
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            if (p.at().isAfter(end)) {
                continue;
            }
            // Forward only: a step put off (a couple back after a holiday) takes its followers with it.
            LocalDateTime at = now == null || p.at().isAfter(now) ? p.at() : now;
            now = at;
            ClockUtil.setCurrentTime(BusinessTime.toDate(at));
            if (swept == null || !at.truncatedTo(ChronoUnit.HOURS).equals(swept)) {
                swept = at.truncatedTo(ChronoUnit.HOURS);
                fireDue();
            }
            BureauPlan.Case c = p.planned();
            try {
                step(c, p.step());
                steps++;
            } catch (RuntimeException e) {
                if (e instanceof ApiException api && "divorce.premature".equals(api.messageKey()) && p.step() == 2) {
                    // The cooling-off period rolled over a holiday: the couple comes back on the next working day.
                    queue.add(new Pending(office(p.at().toLocalDate().plusDays(1)), c, p.step()));
                    continue;
                }
                String kind = c.service() + " step " + p.step() + ": " + e.getClass().getSimpleName() + " "
                        + (e instanceof ApiException api ? api.messageKey() + " " + api.fieldProblems().stream()
                                .map(f -> f.field() + " " + f.code()).toList()
                                : String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                if (failures.merge(kind, 1, Integer::sum) == 1) {
                    log.warn("Bureau run: {} failed ({}): {}", c.service(), numbers.get(c.seq()), kind, e);
                }
                if (p.step() == -1) {
                    // No booking to be had: the couple still comes, as a walk-in (the failure says so).
                    queue.add(new Pending(c.receivedAt(), c, 0));
                }
                continue;
            }
            int next = p.step() + 1;
            if (next < c.steps().size()) {
                queue.add(new Pending(c.steps().get(next), c, next));
            } else if (c.rating() > 0 && next == c.steps().size()) {
                queue.add(new Pending(BureauPlan.last(c).toLocalDate().plusDays(1).atTime(20, 15), c, next));
            }
            if (p.step() == 0 && ++done % 500 == 0) {
                progress.accept(done);
            }
        }
        ClockUtil.setCurrentTime(BusinessTime.toDate(end));
        fireDue();
        return new Outcome(numbers.size(), steps, failures);
    }

    private static LocalDateTime office(LocalDate day) {
        while (!BureauPlan.working(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(10, 30);
    }

    /** Every job due by the engine's clock: timers and the asynchronous steps they lead to. */
    private void fireDue() {
        for (int round = 0; round < 5; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, 500);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    failures.merge("job " + e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
        }
    }

    private void step(BureauPlan.Case c, int step) {
        if (step == -1) {
            book(c);
            return;
        }
        if (step == 0) {
            submit(c);
            return;
        }
        String no = numbers.get(c.seq());
        if (no == null) {
            return;
        }
        if (step == c.steps().size()) {
            ratings.rate(applicant(c), no, c.rating(), c.rating() == 5 ? "办事效率高，工作人员很耐心" : null, ZH);
            return;
        }
        switch (c.service()) {
            case DIVORCE -> divorceStep(c, no, step);
            case SOCIALORG, PLACENAME -> longStep(c, no, step);
            default -> completeOpenTask(c, no);
        }
    }

    // ---- submissions ------------------------------------------------------------------------------------------

    private void submit(BureauPlan.Case c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", c.district());
        PlatformUser by;
        switch (c.service()) {
            case MARRIAGE -> {
                by = REGISTRAR;
                String[] ids = coupleIds(c);
                String a = resident(ids[0], c, 0, CITY, "SINGLE");
                String b = resident(ids[1], c, 1, CITY, "SINGLE");
                couple(data, c, a, b);
                data.put("partyADeclaredStatus", "SINGLE");
                data.put("partyBDeclaredStatus", "SINGLE");
            }
            case DIVORCE -> {
                by = REGISTRAR;
                String home = c.nonLocal() ? ELSEWHERE : CITY;
                String[] ids = coupleIds(c);
                String a = ids[0];
                String b = ids[1];
                String certificate = "J" + home + "-" + (2005 + c.seq() % 15) + "-" + String.format("%06d", c.seq() % 1_000_000);
                LocalDate married = LocalDate.of(2005 + c.seq() % 15, 1 + c.seq() % 12, 1 + c.seq() % 28);
                for (String[] pair : new String[][] {{a, b}, {b, a}}) {
                    registry.enrol(person(pair[0], c, pair[0].equals(a) ? 0 : 1, home, "MARRIED"),
                            new Registries.MaritalRecord(pair[0], "MARRIED", pair[1], certificate, married, home), null);
                }
                couple(data, c, a, b);
                data.put("marriageCertificateNo", certificate);
                data.put("certificatesPresent", "BOTH");
                data.put("agreementProvided", true);
                data.put("agreementCovers", List.of("VOLUNTARY", "CHILDREN", "PROPERTY", "DEBTS"));
                data.put("fullCapacity", "yes");
                data.put("marriageRegisteredIn", "MAINLAND");
            }
            case FUNERAL -> {
                by = FUNERAL_HOME;
                funeralDeceased(c, data);
                data.put("placeOfDeath", c.fate() == BureauPlan.Fate.REFUSE ? "广州市第一人民医院" : "中山市人民医院");
                data.put("cremationDate", BusinessTime.now().toLocalDate().toString());
                data.put("agentName", name(c.seq() + 7, true));
                data.put("agentIdNumber", id(c, 2, true, 45, CITY));
                data.put("relationship", "CHILD");
                data.put("phone", phone(c.seq()));
            }
            case REIMBURSEMENT -> {
                by = applicant(c);
                String deceased = funeralDeceased(c, data);
                String cremation = "HZ4406" + String.format("%09d", c.seq());
                LocalDate cremated = BusinessTime.now().toLocalDate().minusDays(2);
                registry.enrolCremation(new Registries.CremationRecord(deceased, cremation, "佛山市殡仪馆", cremated,
                        false));
                data.put("cremationCertificateNo", cremation);
                data.put("cremationDate", cremated.toString());
                data.put("funeralHome", "佛山市殡仪馆");
                data.put("waivedElsewhereDeclared", "no");
                data.put("applicantName", by.name());
                data.put("applicantIdNumber", id(c, 2, true, 45, CITY));
                data.put("relationship", "CHILD");
                data.put("phone", phone(c.seq()));
                data.put("bankName", "中国工商银行中山分行");
                data.put("bankAccount", "62220200" + String.format("%011d", c.seq()));
                data.put("cremationCertificateFile", upload(by, "火化证明.pdf"));
                data.put("invoiceFile", List.of(upload(by, "发票.pdf")));
                data.put("declaration", true);
            }
            case SOCIALORG -> {
                by = applicant(c);
                socialOrg(c, data, by);
            }
            case PLACENAME -> {
                by = applicant(c);
                placeName(c, data, by);
            }
            default -> throw new IllegalStateException();
        }
        if (c.service() == BureauPlan.Service.MARRIAGE || c.service() == BureauPlan.Service.DIVORCE) {
            data.put("bothPresent", true);
            String booking = bookings.get(c.seq());
            if (booking != null) {
                // The registrar takes the booking's number from the called ticket (R77 checks it against the day,
                // the service and both parties): the case is recorded as booked online.
                data.put("appointmentNo", booking);
            }
        }
        String no = applications.submit(by, c.service().code, data, "bureau-" + c.seq(), ZH).applicationNo();
        numbers.put(c.seq(), no);
        runJobs(no);
    }

    /**
     * The couple books online, as an applicant with an account, the office of the case's district if it has one
     * (the city's registry otherwise) and the band of the hour they come; a full band or office sends them to the
     * next one that day, as the availability page would. No place that day anywhere: the failure is counted and
     * they come as walk-ins.
     */
    private void book(BureauPlan.Case c) {
        if (bookable == null) {
            bookable = appointments.options(ZH);
        }
        String[] ids = coupleIds(c);
        AppointmentService.Party a = new AppointmentService.Party(name(c.seq(), true), ids[0], phone(c.seq()));
        AppointmentService.Party b = new AppointmentService.Party(name(c.seq(), false), ids[1], phone(c.seq() + 1));
        String day = c.receivedAt().toLocalDate().toString();
        List<String> offices = new ArrayList<>(bookable.offices().stream().map(AppointmentService.NamedOption::code)
                .toList());
        if (offices.remove(c.district())) {
            offices.add(0, c.district());
        }
        List<String> bands = new ArrayList<>(bookable.services().stream().filter(s -> s.code().equals(c.service().code))
                .findFirst().orElseThrow().bands().stream().map(AppointmentService.BandView::band).toList());
        // The band of the hour they come first (the bands are in the day's order: morning, afternoon).
        if (c.receivedAt().getHour() >= 12) {
            java.util.Collections.reverse(bands);
        }
        ApiException full = null;
        for (String office : offices) {
            for (String band : bands) {
                try {
                    bookings.put(c.seq(), appointments.book(applicant(c), new AppointmentService.BookRequest(
                            c.service().code, office, day, band, a, b), ZH).booking().bookingNo());
                    return;
                } catch (ApiException e) {
                    if ("appointment.closed".equals(e.messageKey())) {
                        // A day the registry takes no appointments (a public holiday the plan's days do not know of,
                        // as in the first-start sample's months): the couple comes as a walk-in.
                        return;
                    }
                    if (!"appointment.full".equals(e.messageKey())) {
                        throw e;
                    }
                    full = e;
                }
            }
        }
        throw full;
    }

    /** The couple's ID numbers (born the given ages before the year they first appear), the same at every step. */
    private String[] coupleIds(BureauPlan.Case c) {
        return couples.computeIfAbsent(c.seq(), k -> {
            boolean marriage = c.service() == BureauPlan.Service.MARRIAGE;
            String home = c.nonLocal() ? ELSEWHERE : CITY;
            return marriage
                    ? new String[] {id(c, 0, true, 24 + c.seq() % 15, CITY), id(c, 1, false, 22 + c.seq() % 13, CITY)}
                    : new String[] {id(c, 0, true, 30 + c.seq() % 25, home), id(c, 1, false, 28 + c.seq() % 25, home)};
        });
    }

    private void couple(Map<String, Object> data, BureauPlan.Case c, String a, String b) {
        parties.put(c.seq(), new String[] {a, b});
        data.put("partyAName", name(c.seq(), true));
        data.put("partyAIdNumber", a);
        data.put("partyAPhone", phone(c.seq()));
        data.put("partyBName", name(c.seq(), false));
        data.put("partyBIdNumber", b);
        data.put("partyBPhone", phone(c.seq() + 1));
    }

    /** The deceased in the registers: died in the city (or, for a refusal, a non-resident who died elsewhere). */
    private String funeralDeceased(BureauPlan.Case c, Map<String, Object> data) {
        boolean refused = c.fate() == BureauPlan.Fate.REFUSE;
        String home = refused ? ELSEWHERE : CITY;
        String id = id(c, 0, c.seq() % 2 == 0, 70 + c.seq() % 25, home);
        LocalDate died = BusinessTime.now().toLocalDate().minusDays(3 + c.seq() % 4);
        String certificate = "SW" + id.substring(6, 17);
        registry.enrol(person(id, c, 0, home, "WIDOWED"), null,
                new Registries.DeathRecord(id, died, certificate, home));
        // A name written differently on the paper: the funeral-home clerk checks it against the documents.
        data.put("deceasedName", c.fate() == BureauPlan.Fate.VERIFY_THEN_APPROVE || c.fate() == BureauPlan.Fate.OPEN
                && c.service() == BureauPlan.Service.FUNERAL ? name(c.seq(), c.seq() % 2 == 0) + "之" : name(c.seq(), c.seq() % 2 == 0));
        data.put("deceasedIdNumber", id);
        data.put("dateOfDeath", died.toString());
        data.put("deathCertificateNo", certificate);
        data.put("items", items(c.waivedYuan()));
        return id;
    }

    /**
     * Charges whose waiver is the planned amount: cremation (standard 250), transport (160 per trip), the urn
     * (150), disinfection (90) and storage (80 a day, three days); an urn dearer than the standard is paid by the
     * family.
     */
    static List<Map<String, Object>> items(int waived) {
        List<Map<String, Object>> items = new ArrayList<>();
        int left = waived;
        // {most waived, units}: transport is 3 yuan a kilometre (60 km here), storage 80 a day (3 days)
        int[][] parts = {{250, 1}, {160, 60}, {150, 1}, {90, 1}, {240, 3}};
        String[] codes = {"CREMATION", "TRANSPORT", "URN", "DISINFECTION", "STORAGE"};
        for (int i = 0; i < parts.length && left > 0; i++) {
            int charge = Math.min(parts[i][0], left);
            left -= charge;
            int billed = "URN".equals(codes[i]) && charge == 150 && waived % 3 == 0 ? 480 : charge;
            items.add(Map.of("itemCode", codes[i], "quantity", parts[i][1], "charge", billed));
        }
        return items;
    }

    private void socialOrg(BureauPlan.Case c, Map<String, Object> data, PlatformUser by) {
        int n = socialOrgs++;
        boolean unit = n % 3 == 2;
        String[] themes = unit ? UNIT_THEMES : GROUP_THEMES;
        int k = unit ? n / 3 : n - n / 3;
        String town = TOWN_NAMES[k % TOWN_NAMES.length];
        String theme = themes[k / TOWN_NAMES.length % themes.length];
        String round = k / (TOWN_NAMES.length * themes.length) == 0 ? "" : "联合";
        data.put("orgType", unit ? "PRIVATE_NON_ENTERPRISE" : "SOCIAL_GROUP");
        data.put("proposedName", "中山市" + town + round + theme + (unit ? "服务中心" : "协会"));
        data.put("directCategory", n % 5 == 0 ? "NONE" : "COMMUNITY_SERVICE");
        if (unit) {
            data.put("liabilityForm", "LEGAL_PERSON");
            // Community service centres: a sector that needs no prior licence (民非条例 Art. 12).
            data.put("serviceSector", "OTHER");
            data.put("funds", 50_000 + n % 20 * 10_000);
        } else {
            data.put("individualMembers", 50 + n % 150);
            // Eight promoters (domain brief §2(b)), each with a valid ID number of its own.
            List<Map<String, Object>> promoters = new ArrayList<>();
            for (int p = 1; p <= 8; p++) {
                promoters.add(Map.of("promoterKind", "INDIVIDUAL", "promoterName", name(c.seq() + p * 7, p % 2 == 0),
                        "promoterIdNumber", id(c, p, p % 2 == 0, 30 + (n + p) % 30, CITY)));
            }
            data.put("promoters", promoters);
            data.put("unitMembers", n % 2 == 0 ? 0 : 5 + n % 20);
            data.put("funds", 30_000 + n % 50 * 1_000);
        }
        data.put("domicile", "中山市" + town + "兴中路" + (1 + n % 300) + "号");
        data.put("purpose", "遵守宪法、法律、法规和国家政策，团结会员，开展交流与服务，促进本领域健康发展");
        data.put("businessScope", "培训、交流、咨询服务、举办活动");
        data.put("legalRepName", by.name());
        data.put("legalRepIdNumber", id(c, 0, true, 40 + n % 20, CITY));
        data.put("phone", phone(c.seq()));
        data.put("charterFile", upload(by, "章程草案.pdf"));
        data.put("capitalVerificationFile", upload(by, "验资报告.pdf"));
        data.put("domicileProofFile", upload(by, "住所使用权证明.pdf"));
        if (n % 5 == 0) {
            data.put("supervisoryUnit", "中山市文化广电旅游局");
            data.put("supervisoryApprovalNo", "中文广旅函〔" + BusinessTime.now().getYear() + "〕" + (n % 1000) + "号");
            data.put("supervisoryApprovalFile", upload(by, "业务主管单位批准文件.pdf"));
        }
        data.put("declaration", true);
    }

    private void placeName(BureauPlan.Case c, Map<String, Object> data, PlatformUser by) {
        int n = placeNames++;
        int combos = NAME_FIRST.length * NAME_SECOND.length;
        String specific = NAME_FIRST[n % NAME_FIRST.length] + NAME_SECOND[n / NAME_FIRST.length % NAME_SECOND.length];
        String generic = n / combos % 2 == 0 ? "路" : "街";
        data.put("applicationType", "NAMING");
        data.put("featureCategory", "STREET_ROAD_LANE");
        data.put("specificPart", specific);
        data.put("genericPart", generic);
        data.put("location", "东起" + TOWN_NAMES[n % TOWN_NAMES.length] + "大道，西至沿江路");
        data.put("meaning", "寓意" + specific + "，吉祥美好");
        data.put("planReasons", "新建道路，尚未命名");
        data.put("applicantOrganisation", "中山市" + TOWN_NAMES[n % TOWN_NAMES.length] + "城市建设局");
        data.put("creditCode", "11442000MB2C12348L");
        data.put("contactName", by.name());
        data.put("contactIdNumber", id(c, 0, true, 38, CITY));
        data.put("contactPhone", phone(c.seq()));
        data.put("planFile", upload(by, "方案.pdf"));
        data.put("mapFile", upload(by, "四至图.pdf"));
        data.put("declaration", true);
    }

    // ---- the steps after the submission -----------------------------------------------------------------------

    private void divorceStep(BureauPlan.Case c, String no, int step) {
        String[] ids = parties.get(c.seq());
        if (step == 2 && c.fate() == BureauPlan.Fate.WITHDRAW) {
            divorces.withdraw(REGISTRAR, no, c.seq() % 2 == 0 ? "A" : "B", c.seq() % 2 == 0 ? ids[0] : ids[1]);
        } else if (step == 2) {
            // The couple come back to the registry that accepted their application (the case's district).
            divorces.bothAppeared(REGISTRAR, no, ids[0], ids[1], c.district());
        } else {
            completeOpenTask(c, no);
        }
    }

    private void longStep(BureauPlan.Case c, String no, int step) {
        boolean correcting = c.fate() == BureauPlan.Fate.CORRECT_THEN_APPROVE;
        if (c.fate() == BureauPlan.Fate.WITHDRAW) {
            applications.withdraw(applicant(c), no, "申请人决定暂不办理");
        } else if (correcting && step == 1) {
            Task task = openTask(no);
            worklist.returnForCorrections(staffFor(c, task), task.getId(), List.of(c.service() == BureauPlan.Service.SOCIALORG
                    ? new WorklistService.CorrectionItem("domicile-proof", "住所使用权证明未注明租赁期限，请补充")
                    : new WorklistService.CorrectionItem("map", "四至图未标明起止点，请补充清晰的四至图")), "请一次性补齐以上材料。");
        } else if (correcting && step == 2) {
            PlatformUser applicant = applicant(c);
            Map<String, Object> changes = c.service() == BureauPlan.Service.SOCIALORG
                    ? Map.of("domicileProofFile", upload(applicant, "住所使用权证明（补正）.pdf"))
                    : Map.of("mapFile", upload(applicant, "四至图（补正）.pdf"));
            applications.supplyCorrections(applicant, no, changes, ZH);
            runJobs(no);
        } else {
            completeOpenTask(c, no);
        }
    }

    /**
     * Completes the case's open task, if it has one, with the values its clerk enters for this case's fate. A place
     * name the name check flagged (one the generator repeats, or a homophone of another) first waits for the clerk's
     * review of the findings, which the plan has no step for: the clerk clears it on the way to the planned step.
     */
    private void completeOpenTask(BureauPlan.Case c, String no) {
        Task task = openTask(no);
        if (task != null && "Task_ReviewNameFindings".equals(task.getTaskDefinitionKey())) {
            worklist.complete(staffFor(c, task), task.getId(), values(c, task.getTaskDefinitionKey()), ZH);
            runJobs(no);
            task = openTask(no);
        }
        if (task == null) {
            return;
        }
        worklist.complete(staffFor(c, task), task.getId(), values(c, task.getTaskDefinitionKey()), ZH);
        runJobs(no);
    }

    private Map<String, Object> values(BureauPlan.Case c, String taskKey) {
        boolean no = c.fate() == BureauPlan.Fate.REFUSE;
        String today = BusinessTime.now().toLocalDate().toString();
        String year = String.valueOf(BusinessTime.now().getYear());
        Map<String, Object> v = new LinkedHashMap<>();
        switch (c.service() + ":" + taskKey) {
            case "MARRIAGE:Task_ReviewMarriage" -> {
                v.put("counselling", "declined");
                v.put("decision", no ? "refuse" : "register");
                if (no) {
                    v.put("refusalGround", "NOT_VOLUNTARY");
                    v.put("reasons", "一方当事人在登记员询问时表示并非自愿结婚，不予登记。");
                } else {
                    v.put("declarationSignedA", true);
                    v.put("declarationSignedB", true);
                }
            }
            case "MARRIAGE:Task_IssueCertificate" -> v.putAll(Map.of("bothSigned", true, "certificatesHanded", true));
            case "MARRIAGE:Task_IssueRefusalNotice" -> v.putAll(Map.of("explained", true,
                    "reasons", "当事人非自愿结婚，依据《婚姻登记条例》不予登记，已当面说明理由。"));
            case "MARRIAGE:Task_CheckProofOfStatus" -> v.put("decision", "proofAccepted");
            case "DIVORCE:Task_AcceptApplication" -> {
                boolean refused = c.fate() == BureauPlan.Fate.NOT_ACCEPTED;
                v.put("decision", refused ? "notAccepted" : "accept");
                if (refused) {
                    v.put("notAcceptedGround", "DOCUMENTS_MISSING");
                    v.put("reasons", "当事人未能提交离婚协议书原件，补齐后可再次申请。");
                }
            }
            case "DIVORCE:Task_ReviewDivorce" -> v.putAll(Map.of("declarationSignedA", true, "declarationSignedB", true,
                    "decision", "register", "agreementSigned", true));
            case "DIVORCE:Task_IssueCertificate" -> v.putAll(Map.of("bothSigned", true, "marriageCertificatesVoided", true,
                    "certificatesHanded", true));
            case "FUNERAL:Task_VerifyDocuments" -> v.putAll(Map.of("paperChecked", true, "hukouLocal", true,
                    "diedLocally", true, "specialGroup", "NONE", "decision", "confirm"));
            case "REIMBURSEMENT:Task_AcceptApplication" -> v.put("decision", "accept");
            case "REIMBURSEMENT:Task_ReviewReimbursement" -> v.putAll(Map.of("invoiceChecked", true, "decision", "approve"));
            case "SOCIALORG:Task_AcceptApplication", "PLACENAME:Task_AcceptApplication" -> {
                boolean refused = c.fate() == BureauPlan.Fate.NOT_ACCEPTED;
                v.put("decision", refused ? "notAccepted" : "accept");
                if (refused) {
                    v.put("reasons", "申请事项不属于本机关登记管理范围，请向有管辖权的机关申请。");
                }
            }
            case "SOCIALORG:Task_ReviewApplication" -> {
                v.put("decision", no ? "refuse" : "approve");
                v.put("opinion", no ? "拟任负责人不符合规定条件" : "会员、资金、名称、住所均符合规定");
                if (no) {
                    v.put("refusalGround", "CONDITIONS_NOT_MET");
                }
            }
            case "SOCIALORG:Task_ExpertReview" -> v.put("expertOpinion", "同意成立");
            case "SOCIALORG:Task_VerifyOnSite" -> v.putAll(Map.of("secondVerifier", CHIEF.id(), "verifiedOn", today,
                    "siteConforms", "yes", "siteFindings", "住所与申报一致"));
            case "SOCIALORG:Task_ChiefReview" -> v.putAll(Map.of("chiefDecision", no ? "refuse" : "approve",
                    "chiefOpinion", no ? "不同意" : "同意"));
            case "SOCIALORG:Task_DirectorDecision" -> {
                v.put("decision", no ? "refuse" : "approve");
                if (no) {
                    v.put("refusalGround", "CONDITIONS_NOT_MET");
                    v.put("reasons", "不具备《社会团体登记管理条例》第十条规定的成立条件。");
                }
            }
            case "SOCIALORG:Task_IssueCertificate" -> v.putAll(Map.of("deliveryMethod", "ELECTRONIC",
                    "certificateDelivered", true));
            case "PLACENAME:Task_ReviewNameFindings" -> v.putAll(Map.of("decision", "proceed",
                    "reasons", "经核查，与现有地名不重名、不同音，可继续办理"));
            case "PLACENAME:Task_Evaluate" -> v.putAll(Map.of("socialImpact", "MEDIUM", "planConforms", true,
                    "evaluationSummary", "合法可行"));
            case "PLACENAME:Task_ExpertReview" -> v.putAll(Map.of("experts", "李教授、王工程师、陈馆长", "reviewDate", today,
                    "expertConclusion", "SUPPORT", "expertReport", "名称寓意良好，符合命名规则"));
            case "PLACENAME:Task_SummariseConsultation" -> v.putAll(Map.of("consultationChannels", "市民政局网站、所在镇街公示栏",
                    "opinionsReceived", 3, "opinionsHandling", "均表示赞同", "hearingRequested", "no"));
            case "PLACENAME:Task_ChiefReview" -> v.putAll(Map.of("chiefOpinion", "support", "remarks", "同意报批"));
            case "PLACENAME:Task_RecordApproverDecision", "PLACENAME:Task_DirectorDecision" -> {
                v.put("decision", no ? "reject" : "approve");
                v.put("decisionDocumentNo", "中府函〔" + year + "〕" + (100 + c.seq() % 800) + "号");
                if (no) {
                    v.put("reasons", "与现有地名重名或近音，易产生混淆。");
                }
                if (taskKey.equals("Task_RecordApproverDecision")) {
                    v.put("decisionDate", today);
                }
            }
            case "PLACENAME:Task_FileWithHigherAuthority" -> v.putAll(Map.of("filingNo",
                    "粤地备〔" + year + "〕" + (100 + c.seq() % 800) + "号", "filingDate", today));
            case "PLACENAME:Task_PublishAnnouncement" -> v.put("channels", List.of("WEBSITE", "NATIONAL_DATABASE"));
            default -> throw new IllegalStateException("no values for " + c.service() + " " + taskKey);
        }
        return v;
    }

    private PlatformUser staffFor(BureauPlan.Case c, Task task) {
        String key = task.getTaskDefinitionKey();
        return switch (c.service()) {
            case MARRIAGE, DIVORCE -> REGISTRAR;
            case FUNERAL -> FUNERAL_HOME;
            case REIMBURSEMENT -> FUNERAL_CITY.districts().contains(c.district()) ? FUNERAL_CITY
                    : FUNERAL_XL.districts().contains(c.district()) ? FUNERAL_XL : CHIEF;
            case SOCIALORG -> key.equals("Task_ChiefReview") ? CHIEF
                    : key.equals("Task_DirectorDecision") ? DIRECTOR : SOCIALORG;
            case PLACENAME -> key.equals("Task_ChiefReview") ? CHIEF
                    : key.equals("Task_DirectorDecision") ? DIRECTOR : PLACENAME;
        };
    }

    private Task openTask(String no) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(no).active().list();
        return open.isEmpty() ? null : open.get(0);
    }

    /** Runs the case's asynchronous steps now, as the job executor would have. */
    private void runJobs(String no) {
        for (int round = 0; round < 5; round++) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no)
                    .singleResult();
            if (instance == null) {
                return;
            }
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
    }

    // ---- synthetic people -------------------------------------------------------------------------------------

    private static PlatformUser staff(String id, String name, String role, Set<String> groups, Set<String> districts) {
        return new PlatformUser(id, name, Set.of(role), groups, districts);
    }

    /** The applicant of an online case: a resident with an account of their own. */
    private static PlatformUser applicant(BureauPlan.Case c) {
        return new PlatformUser("resident-" + c.seq(), name(c.seq() + 3, c.seq() % 2 == 0), Set.of("applicant"),
                Set.of(), Set.of());
    }

    private String resident(String id, BureauPlan.Case c, int party, String home, String status) {
        if (status != null) {
            registry.enrol(person(id, c, party, home, status), null, null);
        }
        return id;
    }

    private Registries.Person person(String id, BureauPlan.Case c, int party, String home, String status) {
        boolean male = (id.charAt(16) - '0') % 2 == 1;
        return new Registries.Person(id, name(c.seq(), male), male ? "M" : "F",
                cn.zs.civil.registry.IdNumbers.birthDate(id), home, null, status);
    }

    /** A valid identity number (GB 11643) unique to the case and party: born {@code age} years before today. */
    private static String id(BureauPlan.Case c, int party, boolean male, int age, String home) {
        LocalDate birth = BusinessTime.now().toLocalDate().minusYears(age).withDayOfYear(1).plusDays(c.seq() % 365);
        int order = (c.seq() / 365 * 3 + party) % 500 * 2 + (male ? 1 : 0);
        String body = home + birth.toString().replace("-", "") + String.format("%03d", order % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String name(int seq, boolean male) {
        return SURNAMES[seq % SURNAMES.length] + GIVEN[(seq / SURNAMES.length + (male ? 0 : 7)) % GIVEN.length]
                + GIVEN[(seq / 3 + 11) % GIVEN.length];
    }

    private static String phone(int seq) {
        return "13" + (5 + seq % 5) + String.format("%08d", seq % 100_000_000);
    }

    private String upload(PlatformUser by, String name) {
        return attachments.store(by, name, DemoCases.pdf()).id();
    }
}
