package cn.zs.civil.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Establishment registration of a social organisation, long and with corrections: the applicant uploads the
 * charter, the capital-verification report and the proof of domicile (and the supervisory unit's approval where
 * the category needs one) and applies online; the name is checked before anyone looks. At acceptance one case in
 * three gets the one-time correction notice, and the applicant uploads the two materials again; then review,
 * on-site verification (the clerk and a colleague of the section: two different staff), the section chief, the
 * director's decision and the certificate. Social groups and private non-enterprise units, two to one.
 */
final class SocialOrgScenario implements Scenario {

    static final String REVIEW = "socialorg-review";
    static final String CHIEF = "section-chief";
    static final String DIRECTOR = "director";
    /** Clerks by position: of every six, four review (four tasks per case), one chief and one director. */
    private static final String[] CLERK_GROUPS = {REVIEW, CHIEF, DIRECTOR, REVIEW, REVIEW, REVIEW};
    /** Legal representatives are numbered apart from the marriage couples and the funeral deceased. */
    private static final long OFFSET = 6_000_000;
    private static final long PROMOTER_OFFSET = 20_000_000;
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * Distinct names. The name check compares the "core" of a name (without 中山市 and the organisational form)
     * with every registered one of the same type: equal cores are duplicates, a character-bigram overlap (Dice)
     * of 0.6 or more is a near-duplicate. The core here is five characters from five disjoint alphabets, coding
     * (a, b, c, a+b+c, a+2b+3c) mod K, then a two-character theme. Any two adjacent code characters determine the
     * whole code except the first pair, and any two pairs together do: two different cases share at most one of
     * the four code bigrams, plus, with the same theme, the theme's bigram and the junction: at most 3 of 6
     * bigrams, a Dice of 0.5. The code starts at a random offset per run, so reruns on one database do not repeat.
     */
    private static final String CODE_CHARS = "安宝北彩长城春淳翠丹德东芳丰枫福富刚广贵海汉和河红宏鸿虹辉惠吉嘉佳建江锦晶景静菊俊凯兰蓝"
            + "雷力丽莲良林琳灵玲岭隆鹿路绿伦罗满梅美萌明铭沐南宁鹏平萍蒲启千强桥琴青清晴庆秋泉仁荣瑞润森善尚韶胜盛石顺松泰涛桃天田"
            + "亭彤维伟文雯溪贤祥翔晓欣新鑫星兴雄秀旭轩雪雅岩燕阳扬耀怡益逸银英樱永勇优友宇雨玉裕元源远月悦云韵泽展振正芝";
    private static final int K = 31;
    static final long NAMES = (long) K * K * K;
    private static final String[] GROUP_THEMES = {"书法", "摄影", "围棋", "象棋", "舞蹈", "音乐", "足球", "篮球", "游泳",
            "园艺", "茶艺", "诗词", "曲艺", "粤剧", "武术", "龙舟", "骑行", "跑步", "科普", "物流", "餐饮", "咨询", "钓鱼",
            "棋牌", "收藏", "集邮", "动漫", "编程"};
    private static final String[] UNIT_THEMES = {"养老", "托育", "助残", "家政", "康复", "社工", "心理", "培训", "调解",
            "救助"};
    private static final String[] DIRECT_CATEGORIES = {"INDUSTRY_ASSOCIATION", "SCIENCE_TECHNOLOGY", "PUBLIC_WELFARE",
            "COMMUNITY_SERVICE"};
    private static final long SALT = ThreadLocalRandom.current().nextLong(NAMES);

    static {
        Set<Integer> seen = new HashSet<>();
        CODE_CHARS.codePoints().forEach(seen::add);
        if (CODE_CHARS.codePointCount(0, CODE_CHARS.length()) != 5 * K || seen.size() != 5 * K) {
            throw new IllegalStateException("the name code needs " + 5 * K + " distinct characters");
        }
        for (String theme : concat(GROUP_THEMES, UNIT_THEMES)) {
            if (theme.codePoints().anyMatch(seen::contains)) {
                throw new IllegalStateException("theme " + theme + " shares a character with the name code");
            }
        }
    }

    @Override
    public String name() {
        return "socialorg";
    }

    @Override
    public String serviceCode() {
        return "socialorg-establishment";
    }

    @Override
    public String processKey() {
        return "socialorg-establishment";
    }

    @Override
    public List<String> models() {
        return List.of("socialorg/socialorg-establishment.bpmn", "socialorg/socialorg-establishment-conditions.dmn");
    }

    @Override
    public String submitter() {
        return "zhangsan";
    }

    @Override
    public boolean hasClerkSteps() {
        return true;
    }

    @Override
    public String candidateGroup() {
        return REVIEW;
    }

    @Override
    public String candidateGroup(int i) {
        return CLERK_GROUPS[i % CLERK_GROUPS.length];
    }

    private static boolean unit(long n) {
        return n % 3 == 2;
    }

    /** The proposed name of the n-th case: distinct from every other case's, near-duplicates included. */
    static String proposedName(long n) {
        long m = Math.floorMod(n + SALT, NAMES);
        int a = (int) (m / (K * K));
        int b = (int) (m / K % K);
        int c = (int) (m % K);
        int[] code = {a, b, c, (a + b + c) % K, (a + 2 * b + 3 * c) % K};
        StringBuilder s = new StringBuilder("中山市");
        for (int i = 0; i < code.length; i++) {
            s.append(CODE_CHARS.charAt(i * K + code[i]));
        }
        String[] themes = unit(n) ? UNIT_THEMES : GROUP_THEMES;
        s.append(themes[(int) (n / 3 % themes.length)]);
        return s.append(unit(n) ? "服务中心" : "协会").toString();
    }

    /** The fields the start form marks as engine variables, as the platform puts them on the case. */
    private static Map<String, Object> facts(long n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orgType", unit(n) ? "PRIVATE_NON_ENTERPRISE" : "SOCIAL_GROUP");
        v.put("directCategory", n % 5 == 0 ? "NONE" : DIRECT_CATEGORIES[(int) (n % DIRECT_CATEGORIES.length)]);
        if (unit(n)) {
            v.put("liabilityForm", "LEGAL_PERSON");
            v.put("funds", 50_000 + n % 20 * 10_000);
        } else {
            v.put("individualMembers", 50 + (int) (n % 150));
            v.put("unitMembers", n % 2 == 0 ? 0 : 5 + (int) (n % 20));
            v.put("funds", 30_000 + n % 50 * 1_000);
        }
        return v;
    }

    @Override
    public Map<String, Object> application(long n, Client client) {
        String rep = Ids.id(OFFSET + n, n % 2 == 0);
        Map<String, Object> data = new LinkedHashMap<>(facts(n));
        data.put("district", DISTRICTS[(int) (n % DISTRICTS.length)]);
        data.put("proposedName", proposedName(n));
        data.put("domicile", "中山市博爱路" + (1 + n % 500) + "号");
        data.put("purpose", "遵守宪法、法律、法规和国家政策，团结会员，开展交流与服务，促进本领域健康发展");
        data.put("businessScope", "培训、交流、咨询服务、举办活动");
        data.put("legalRepName", Ids.name(rep));
        data.put("legalRepIdNumber", rep);
        if (unit(n)) {
            // The sector of a private non-enterprise unit (R112: education, health and training need a prior licence).
            data.put("serviceSector", "OTHER");
        } else {
            // A social group's eight promoters (domain brief §2(b), R156), each with a valid ID number of its own.
            List<Map<String, Object>> promoters = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                String id = Ids.id(PROMOTER_OFFSET + n * 8 + p, p % 2 == 0);
                promoters.add(Map.of("promoterKind", "INDIVIDUAL", "promoterName", Ids.name(id), "promoterIdNumber", id));
            }
            data.put("promoters", promoters);
        }
        data.put("phone", "137" + String.format("%08d", n % 100_000_000));
        data.put("charterFile", upload(client, "章程草案.pdf"));
        data.put("capitalVerificationFile", upload(client, "验资报告.pdf"));
        data.put("domicileProofFile", upload(client, "住所使用权证明.pdf"));
        if ("NONE".equals(data.get("directCategory"))) {
            data.put("supervisoryUnit", "中山市文化广电旅游局");
            data.put("supervisoryApprovalNo", "中文广旅函〔2026〕" + (n % 1000) + "号");
            data.put("supervisoryApprovalFile", upload(client, "业务主管单位批准文件.pdf"));
        }
        data.put("declaration", true);
        return data;
    }

    private String upload(Client client, String fileName) {
        Client.Reply r = client.upload("POST /api/attachments", submitter(), fileName, "application/pdf", PDF);
        return r.ok() ? r.body().path("id").asText() : null;
    }

    /** One case in three, by its reference, as the platform and the bare engine both see it. */
    @Override
    public boolean returnsForCorrections(String taskKey, String caseRef) {
        return "Task_AcceptApplication".equals(taskKey) && Math.floorMod(caseRef.hashCode(), 3) == 0;
    }

    @Override
    public Map<String, Object> correctionNotice() {
        return Map.of("items", List.of(
                Map.of("material", "domicile-proof", "description", "住所使用权证明未注明租赁期限，请补充"),
                Map.of("material", "charter", "description", "章程草案缺少会员退会和终止程序的条款")),
                "note", "请一次性补齐以上材料");
    }

    @Override
    public Map<String, Object> correction(Client client) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("domicileProofFile", upload(client, "住所使用权证明（补正）.pdf"));
        changes.put("charterFile", upload(client, "章程草案（修订）.pdf"));
        return changes;
    }

    @Override
    public Map<String, Object> taskForm(String taskKey, String clerk) {
        return switch (taskKey) {
            case "Task_AcceptApplication" -> Map.of("decision", "accept");
            case "Task_ReviewApplication" -> Map.of("decision", "approve", "opinion", "会员、资金、名称、住所均符合规定");
            case "Task_ExpertReview" -> Map.of("expertOpinion", "同意成立");
            case "Task_VerifyOnSite" -> Map.of("secondVerifier", Accounts.colleague(clerk),
                    "verifiedOn", LocalDate.now().toString(), "siteConforms", "yes", "siteFindings", "住所与申报一致");
            case "Task_ChiefReview" -> Map.of("chiefDecision", "approve", "chiefOpinion", "同意");
            case "Task_DirectorDecision" -> Map.of("decision", "approve");
            case "Task_IssueCertificate" -> Map.of("deliveryMethod", "ELECTRONIC", "certificateDelivered", true);
            default -> throw new IllegalStateException("socialorg: no form values for " + taskKey);
        };
    }

    @Override
    public Map<String, Object> taskVariables(String taskKey, String clerk) {
        return switch (taskKey) {
            case "Task_AcceptApplication", "Task_ReviewApplication", "Task_DirectorDecision" ->
                    Map.of("decision", taskForm(taskKey, clerk).get("decision"));
            case "Task_VerifyOnSite" -> Map.of("secondVerifier", Accounts.colleague(clerk), "siteConforms", "yes");
            case "Task_ChiefReview" -> Map.of("chiefDecision", "approve");
            default -> Map.of();
        };
    }

    /** As the platform starts the case: the form's engine variables, the catalogue's limits, an online channel. */
    @Override
    public Map<String, Object> startVariables(long n, String applicationNo) {
        Map<String, Object> v = new HashMap<>(Scenario.super.startVariables(n, applicationNo));
        v.putAll(facts(n));
        v.put("channel", "ONLINE");
        v.put("statutoryLimitDays", 60);
        v.put("promisedLimitDays", 20);
        v.put("correctionPeriod", "P30D");
        // What the pre-check adds: hidden fields are absent, the decision table reads them as null and 0.
        v.putIfAbsent("liabilityForm", null);
        v.put("foundationKind", null);
        v.putIfAbsent("individualMembers", 0);
        v.putIfAbsent("unitMembers", 0);
        return v;
    }

    @Override
    public Map<String, Map<String, Object>> delegateFacts() {
        Map<String, Object> precheck = new LinkedHashMap<>();
        precheck.put("competent", true);
        precheck.put("nameCheck", "PASSED");
        precheck.put("nameFindings", "");
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("certificateType", "SOCIAL_GROUP");
        registered.put("certificateNo", "中民社证字20260001号");
        registered.put("creditCode", "51442000MJ0000001X");
        registered.put("decidedAt", new Date());
        registered.put("certificateDeliveryDays", 10);
        return Map.of("precheckSocialOrgDelegate", precheck, "issueReceiptDelegate", Map.of(),
                "registerOrganisationDelegate", registered, "issueRefusalDelegate", Map.of(),
                "recordVerifiersListener", Map.of());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
