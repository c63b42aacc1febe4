package cn.zs.civil.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * Hostile input, generated: every deployed form (enumerated from the engine's deployment, so a form added later is
 * covered without touching this test) and every JSON endpoint (enumerated from the running application) get
 * thousands of generated submissions through the whole filter chain (MockMvc on the shared context). What must hold:
 * no 5xx ever; every invalid submission refused with a problem+json naming at least the fields the form's rules
 * find wrong; hostile text in a valid submission stored verbatim and never evaluated; uploads checked by content and
 * name. Prints what it tried and what held; the seed repeats a run ({@code -Dfuzz.seed=...}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends ApiTestBase {

    /** Fixed by default so CI is repeatable; -Dfuzz.seed=<n> explores other inputs. */
    static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    static final int MUTATIONS_PER_START_FORM = Integer.getInteger("fuzz.startForm", 1200);
    static final int VALID_PER_START_FORM = Integer.getInteger("fuzz.validStartForm", 25);
    static final int MUTATIONS_PER_TASK_FORM = Integer.getInteger("fuzz.taskForm", 250);
    static final int VALIDATOR_RUNS_PER_FORM = Integer.getInteger("fuzz.validator", 300);
    static final int BODIES_PER_ENDPOINT = Integer.getInteger("fuzz.endpoint", 120);
    private static final Map<String, AtomicLong> COUNTS = new TreeMap<>();
    private static final List<String> CREATED = new ArrayList<>();

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private RepositoryService repository;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ServiceCatalogue catalogue;
    @Autowired
    private IdentityProperties identity;
    @Autowired
    private ApplicationService applications;
    @Autowired
    private MessageSource messages;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private AuditLog audit;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private MockMvc mvc;
    private final Random random = new Random(SEED);
    private FormSamples samples;

    static void tally(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    @org.junit.jupiter.api.AfterEach
    void endSession() {
        net.jqwik.api.sessions.JqwikSession.finish();
    }

    @BeforeEach
    void setUp() {
        // jqwik's generators outside a property: a session on this thread, seeded like everything else here.
        net.jqwik.api.sessions.JqwikSession.start(Long.toString(SEED));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        samples = new FormSamples(random);
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    /**
     * The demo account's authorities as its sign-in gives them, set directly: signing in is proven elsewhere, and a
     * password check per call (bcrypt, after Spring upgrades the demo passwords) would cost more than the call.
     */
    private UsernamePasswordAuthenticationToken signedIn(String user) {
        IdentityProperties.DemoAccount a = identity.accounts().stream().filter(x -> x.username().equals(user))
                .findFirst().orElseThrow();
        List<GrantedAuthority> authorities = new ArrayList<>();
        a.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(PlatformUser.ROLE_PREFIX + r)));
        a.groups().forEach(g -> authorities.add(new SimpleGrantedAuthority(PlatformUser.GROUP_PREFIX + g)));
        a.districts().forEach(d -> authorities.add(new SimpleGrantedAuthority(PlatformUser.DISTRICT_PREFIX + d)));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private MvcResult send(HttpMethod method, String path, String user, String body) throws Exception {
        MockHttpServletRequestBuilder r = request(method, path).header(HttpHeaders.ACCEPT_LANGUAGE,
                random.nextBoolean() ? "zh-CN" : "en");
        if (user != null) {
            r.with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(user)));
        }
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        }
        MvcResult result = mvc.perform(r).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status).as(method + " " + path + " as " + user + " with " + abbreviate(body) + " → "
                + result.getResponse().getContentAsString()).isLessThan(500);
        if (status >= 400 && status != 401 && status != 403 && status != 404 && status != 405) {
            assertThat(result.getResponse().getContentType()).as(method + " " + path + " " + status)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        tally("http requests");
        return result;
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
    }

    private JsonNode body(MvcResult r) throws Exception {
        String s = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return s.isEmpty() ? json.nullNode() : json.readTree(s);
    }

    private String upload(String user) throws Exception {
        MvcResult r = mvc.perform(multipart("/api/attachments").file(new MockMultipartFile("file", "scan.pdf",
                "application/pdf", Fixtures.pdf())).with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(user))))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        return body(r).path("id").asText();
    }

    /** A demo account that may start the service (its role and starter groups). */
    private String starter(ServiceCatalogue.ServiceDefinition service) {
        for (IdentityProperties.DemoAccount a : identity.accounts()) {
            PlatformUser user = new PlatformUser(a.username(), a.name(), Set.copyOf(a.roles()), Set.copyOf(a.groups()),
                    Set.copyOf(a.districts()));
            if (applications.maySubmit(user, service)) {
                return a.username();
            }
        }
        return null;
    }

    record DeployedForm(FormDefinition form, String processDefinitionId, String serviceCode, boolean start) {
    }

    /** Every form of the latest deployment of every process: start forms and the forms of user tasks. */
    private List<DeployedForm> deployedForms() throws Exception {
        List<DeployedForm> out = new ArrayList<>();
        FormParser parser = new FormParser(json);
        for (ProcessDefinition pd : repository.createProcessDefinitionQuery().latestVersion().list()) {
            String service = catalogue.byProcessKey(pd.getKey()).map(Map.Entry::getKey).orElse(null);
            Map<String, FormDefinition> forms = new LinkedHashMap<>();
            for (String resource : repository.getDeploymentResourceNames(pd.getDeploymentId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(pd.getDeploymentId(), resource)) {
                        FormDefinition f = parser.parse(in);
                        forms.put(f.id(), f);
                    }
                }
            }
            var model = repository.getBpmnModelInstance(pd.getId());
            for (var start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
                if (start.getCamundaFormRef() != null && forms.containsKey(start.getCamundaFormRef())
                        && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
                    out.add(new DeployedForm(forms.get(start.getCamundaFormRef()), pd.getId(), service, true));
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null && forms.containsKey(task.getCamundaFormRef())) {
                    out.add(new DeployedForm(forms.get(task.getCamundaFormRef()), pd.getId(), service, false));
                }
            }
        }
        return out;
    }

    private FormValidator validator() {
        return new FormValidator(messages);
    }

    private Set<String> problemFields(ValidatedForm v) {
        Set<String> out = new LinkedHashSet<>();
        v.problems().forEach(p -> out.add(p.field()));
        return out;
    }

    private static Set<String> errorFields(JsonNode problem) {
        Set<String> out = new LinkedHashSet<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    /** One generated variant of a valid submission: what was changed, and the data. */
    record Variant(String kind, String field, Map<String, Object> data) {
    }

    private Variant mutate(FormDefinition form, Map<String, Object> base, ValidatedForm baseCheck) {
        Map<String, Object> data = new LinkedHashMap<>(base);
        List<FormField> visible = form.valueFields().stream().filter(f -> baseCheck.values().containsKey(f.key()))
                .toList();
        int kind = random.nextInt(10);
        if (kind == 0 || visible.isEmpty()) {
            String key = samples.unknownKey();
            data.put(key, samples.text());
            return new Variant("unknown field", key, data);
        }
        FormField f = visible.get(random.nextInt(visible.size()));
        if (kind == 1 && f.required()) {
            data.remove(f.key());
            return new Variant("missing required", f.key(), data);
        }
        data.put(f.key(), samples.invalid(f));
        return new Variant("invalid " + f.type(), f.key(), data);
    }

    // --- the suites ----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyDeployedStartFormRefusesInvalidSubmissionsFieldByFieldAndStoresHostileTextVerbatim() throws Exception {
        List<DeployedForm> starts = deployedForms().stream().filter(DeployedForm::start).filter(d -> d.serviceCode() != null)
                .toList();
        assertThat(starts).as("deployed start forms").isNotEmpty();
        FormValidator validator = validator();
        for (DeployedForm d : starts) {
            ServiceCatalogue.ServiceDefinition service = catalogue.find(d.serviceCode()).orElseThrow();
            String user = starter(service);
            assertThat(user).as("a demo account that may start " + d.serviceCode()).isNotNull();
            // Valid submissions with hostile text: created, stored verbatim.
            int created = 0;
            for (int i = 0; i < VALID_PER_START_FORM; i++) {
                Map<String, Object> data = samples.validAll(d.form().fields(), (f, n) -> uploads(user, n));
                ValidatedForm check = validator.validate(d.form(), data, Locale.ROOT);
                tally("start forms: valid submissions generated");
                MvcResult r = send(HttpMethod.POST, "/api/applications", user,
                        json.writeValueAsString(Map.of("serviceCode", d.serviceCode(), "data", data)));
                int status = r.getResponse().getStatus();
                if (!check.valid()) {
                    // The generator could not satisfy a rule (an exotic pattern): it must be refused field by field.
                    assertThat(status).isIn(400, 422);
                    assertThat(errorFields(body(r))).containsAll(problemFields(check));
                    tally("start forms: generator could not satisfy the form (refused as it must be)");
                    continue;
                }
                if (status == 422) {
                    // A rule beyond the form (a district, the files): still field by field.
                    assertThat(errorFields(body(r))).as(body(r).toString()).isNotEmpty();
                    tally("start forms: valid by the form, refused by a platform rule field by field");
                    continue;
                }
                assertThat(status).as(r.getResponse().getContentAsString()).isEqualTo(201);
                String no = body(r).path("applicationNo").asText();
                CREATED.add(no);
                created++;
                runJobs(no);
                JsonNode stored = body(send(HttpMethod.GET, "/api/applications/" + no, user, null)).path("data");
                for (FormField f : d.form().valueFields()) {
                    if (("textfield".equals(f.type()) || "textarea".equals(f.type())) && check.values().get(f.key()) != null) {
                        assertThat(stored.path(f.key()).asText()).as(f.key()).isEqualTo(check.values().get(f.key()));
                        tally("start forms: text values read back verbatim");
                    }
                }
            }
            assertThat(created).as("valid generated cases created for " + d.serviceCode()).isPositive();
            // Mutations of a valid submission: one field wrong, a required one missing, an unknown key.
            Map<String, Object> base = samples.validAll(d.form().fields(), (f, n) -> uploads(user, n));
            ValidatedForm baseCheck = validator.validate(d.form(), base, Locale.ROOT);
            for (int i = 0; i < MUTATIONS_PER_START_FORM; i++) {
                Variant v = mutate(d.form(), base, baseCheck);
                ValidatedForm check = validator.validate(d.form(), v.data(), Locale.ROOT);
                boolean fileGarbage = v.kind().equals("invalid filepicker");
                if (check.valid() && !fileGarbage) {
                    tally("start forms: mutation the form accepts (not sent)");
                    continue;
                }
                tally("start forms: invalid submissions sent");
                MvcResult r = send(HttpMethod.POST, "/api/applications", user,
                        json.writeValueAsString(Map.of("serviceCode", d.serviceCode(), "data", v.data())));
                assertThat(r.getResponse().getStatus()).as(v + " → " + r.getResponse().getContentAsString()).isIn(400, 422);
                Set<String> fields = errorFields(body(r));
                assertThat(fields).as(v.kind() + " " + v.field()).containsAll(problemFields(check));
                assertThat(fields.stream().anyMatch(p -> p.equals(v.field()) || p.startsWith(v.field() + "[")))
                        .as(v.kind() + " of " + v.field() + " named in " + fields).isTrue();
                tally("start forms: refused naming the field");
            }
            tally("start forms covered");
        }
        // Random JSON where a form's data belongs.
        for (int i = 0; i < 300; i++) {
            DeployedForm d = starts.get(random.nextInt(starts.size()));
            String user = starter(catalogue.find(d.serviceCode()).orElseThrow());
            Object data = samples.anyJson(0);
            Map<String, Object> req = new LinkedHashMap<>();
            req.put("serviceCode", d.serviceCode());
            req.put("data", data);
            MvcResult r = send(HttpMethod.POST, "/api/applications", user, json.writeValueAsString(req));
            assertThat(r.getResponse().getStatus()).isNotEqualTo(201);
            tally("start forms: random JSON as data, refused");
        }
        assertThat(count("select count(*) from ACT_HI_VARINST where NAME_ = 'pwned'")).isZero();
    }

    private List<String> uploads(String user, int n) {
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ids.add(upload(user));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    @Test
    @Order(2)
    void everyReachableTaskFormRefusesInvalidCompletionsFieldByField() throws Exception {
        List<DeployedForm> taskForms = deployedForms().stream().filter(d -> !d.start()).toList();
        Set<String> reached = new LinkedHashSet<>();
        FormDefinitions definitions = context.getBean(FormDefinitions.class);
        FormValidator validator = validator();
        for (String no : CREATED) {
            for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(no).active().list()) {
                FormDefinition form = definitions.taskForm(task);
                if (reached.contains(form.id()) || task.getAssignee() != null) {
                    continue;
                }
                reached.add(form.id());
                Map<String, Object> base = samples.validAll(form.fields(), (f, n) -> List.of());
                ValidatedForm baseCheck = validator.validate(form, base, Locale.ROOT);
                for (int i = 0; i < MUTATIONS_PER_TASK_FORM; i++) {
                    Variant v = mutate(form, base, baseCheck);
                    ValidatedForm check = validator.validate(form, v.data(), Locale.ROOT);
                    if (check.valid()) {
                        // Never sent: a valid completion would end the task under test.
                        tally("task forms: mutation the form accepts (not sent)");
                        continue;
                    }
                    tally("task forms: invalid completions sent");
                    MvcResult r = send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/complete", "chief",
                            json.writeValueAsString(Map.of("data", v.data())));
                    assertThat(r.getResponse().getStatus()).as(v + " → " + r.getResponse().getContentAsString())
                            .isIn(400, 422);
                    assertThat(errorFields(body(r))).containsAll(problemFields(check));
                    tally("task forms: refused naming the field");
                }
                assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
            }
        }
        tally("task forms reached through HTTP", reached.size());
        tally("task forms deployed", taskForms.stream().map(d -> d.form().id()).distinct().count());
        System.out.println("[hostile-input] task forms reached through HTTP: " + reached);
    }

    static void tally(String what, long n) {
        COUNTS.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    @Test
    @Order(3)
    void theValidatorWithstandsGeneratedInputForEveryDeployedForm() throws Exception {
        FormValidator validator = validator();
        Set<String> seen = new LinkedHashSet<>();
        for (DeployedForm d : deployedForms()) {
            if (!seen.add(d.form().id())) {
                continue;
            }
            Map<String, Object> base = samples.validAll(d.form().fields(), (f, n) -> java.util.Collections.nCopies(n,
                    java.util.UUID.randomUUID().toString()));
            ValidatedForm baseCheck = validator.validate(d.form(), base, Locale.ROOT);
            for (int i = 0; i < VALIDATOR_RUNS_PER_FORM; i++) {
                Variant v = random.nextInt(5) == 0 ? new Variant("random", "", randomMap())
                        : mutate(d.form(), base, baseCheck);
                ValidatedForm check = validator.validate(d.form(), v.data(), random.nextBoolean() ? Locale.ENGLISH
                        : Locale.CHINA);
                tally("validator: generated submissions");
                if (!v.kind().equals("random") && !check.valid()) {
                    assertThat(problemFields(check).stream()
                            .anyMatch(p -> p.equals(v.field()) || p.startsWith(v.field() + "[")))
                            .as(d.form().id() + ": " + v.kind() + " " + v.field() + " → " + problemFields(check)).isTrue();
                    tally("validator: refused naming the field");
                }
                check.problems().forEach(p -> assertThat(p.message()).isNotBlank());
            }
        }
        tally("forms deployed (all checked by the validator)", seen.size());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> randomMap() {
        Object any = samples.anyJson(0);
        return any instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", String.valueOf(any));
    }

    @Test
    @Order(4)
    void everyJsonEndpointAnswersGeneratedBodiesWithoutA5xx() throws Exception {
        String someCase = CREATED.isEmpty() ? "BZB-20260101-0001" : CREATED.get(0);
        String someTask = tasks.createTaskQuery().active().list().stream().findFirst().map(Task::getId).orElse("t");
        List<String> pathValues = List.of(someCase, someTask, "../../etc/passwd", "' OR '1'='1", "${7*7}", "0", "-1",
                "2031", "99999999999999999999", "%00", "𠮷", "a".repeat(300));
        List<String> callers = List.of("zhangsan", "chief", "clerk-funeral", "manager", "admin", "director");
        List<String> malformed = List.of("{", "[1,2", "\"text\"", "null", "1e99999999", "{\"data\":", "[" .repeat(2000),
                "{\"a\":" + "1".repeat(5000) + "}", "\u0000", "{\"data\":{\"x\":\"\\ud800\"}}", "true");
        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("cn.zs.civil")) {
                continue;
            }
            boolean takesBody = false;
            for (Parameter p : e.getValue().getMethod().getParameters()) {
                takesBody |= p.isAnnotationPresent(RequestBody.class);
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    if (pattern.contains("/next") || pattern.startsWith("/api/admin/demo")) {
                        continue;
                    }
                    endpoints++;
                    for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                        String path = pattern.replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(
                                pathValues.get(random.nextInt(pathValues.size())), StandardCharsets.UTF_8));
                        if (!takesBody) {
                            path += "?" + randomQuery();
                        }
                        String body = !takesBody ? null : random.nextInt(4) == 0
                                ? malformed.get(random.nextInt(malformed.size()))
                                : json.writeValueAsString(samples.anyJson(0));
                        String caller = random.nextInt(10) == 0 ? null : callers.get(random.nextInt(callers.size()));
                        send(HttpMethod.valueOf(method.name()), path, caller, body);
                        tally("endpoints: generated requests");
                    }
                }
            }
        }
        tally("endpoints covered", endpoints);
        assertThat(endpoints).isGreaterThan(20);
    }

    private String randomQuery() {
        List<String> names = List.of("page", "size", "year", "from", "to", "period", "service", "district", "workingDays",
                "afterSeq", "limit");
        StringBuilder q = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            q.append(names.get(random.nextInt(names.size()))).append('=').append(java.net.URLEncoder.encode(
                    String.valueOf(random.nextBoolean() ? samples.text() : random.nextInt()), StandardCharsets.UTF_8))
                    .append('&');
        }
        return q.toString();
    }

    @Test
    @Order(5)
    void uploadsAreCheckedByContentAndNameWhateverTheyClaim() throws Exception {
        List<String> badNames = List.of("../../etc/passwd.pdf", "..\\..\\win.ini.pdf", "/etc/passwd.pdf",
                "a/../../b.pdf", ".hidden.pdf", "c:\\boot.pdf", "x\u0000.pdf", "x\u0007.pdf", "a".repeat(201) + ".pdf");
        Map<String, byte[]> disguised = new LinkedHashMap<>();
        disguised.put("exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});
        disguised.put("html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        disguised.put("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        disguised.put("zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        disguised.put("text", "%PDF in the middle, not at the start".getBytes(StandardCharsets.UTF_8));
        var api = new Uploader("zhangsan");
        for (int i = 0; i < 60; i++) {
            String name = badNames.get(random.nextInt(badNames.size()));
            byte[] content = random.nextBoolean() ? Fixtures.pdf() : Fixtures.png();
            var r = api.upload(name, content);
            assertThat(r.status()).as(name + " → " + r).isIn(400, 422);
            assertThat(r.body().path("type").asText()).startsWith("urn:civil-approval:problem:upload.");
            tally("uploads: traversal or bad names refused");
        }
        for (int i = 0; i < 60; i++) {
            var entry = new ArrayList<>(disguised.entrySet()).get(random.nextInt(disguised.size()));
            String name = List.of("scan.pdf", "photo.png", "photo.jpg").get(random.nextInt(3));
            var r = api.upload(name, entry.getValue());
            assertThat(r.status()).as(entry.getKey() + " as " + name + " → " + r).isEqualTo(422);
            tally("uploads: disguised content refused");
        }
        for (int i = 0; i < 20; i++) {
            // A real PDF with a name that claims a picture, and the other way round.
            var r = random.nextBoolean() ? api.upload("photo.png", Fixtures.pdf()) : api.upload("scan.pdf", Fixtures.png());
            assertThat(r.status()).isEqualTo(422);
            tally("uploads: name disagreeing with content refused");
        }
        // Through the real server: the container's multipart limits and parser.
        byte[] oversized = new byte[10 * 1024 * 1024 + 1024];
        System.arraycopy(Fixtures.pdf(), 0, oversized, 0, Fixtures.pdf().length);
        var http = api().as("zhangsan");
        assertThat(http.upload("big.pdf", oversized).status()).isEqualTo(413);
        tally("uploads: oversized refused");
        for (String name : List.of("x\n.pdf", "../x.pdf", "x\u0000.pdf")) {
            var r = http.upload(name, Fixtures.pdf());
            assertThat(r.status()).as(name + " → " + r).isIn(400, 422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            tally("uploads: traversal or bad names refused");
        }
        for (int i = 0; i < 10; i++) {
            String name = "材料-" + samples.text().replaceAll("[/\\\\.\\p{Cntrl}]", "_") + ".pdf";
            var r = api.upload(name, Fixtures.pdf());
            if (name.length() <= 200 && !name.isBlank()) {
                assertThat(r.status()).as(name + " → " + r).isEqualTo(201);
                assertThat(r.body().path("fileName").asText()).isEqualTo(name.strip());
                tally("uploads: odd but harmless names kept verbatim");
            }
        }
    }

    /** Uploads through the whole filter chain without a server round trip. */
    private final class Uploader {
        private final String user;

        Uploader(String user) {
            this.user = user;
        }

        record Result(int status, JsonNode body) {
        }

        Result upload(String name, byte[] content) throws Exception {
            MvcResult r = mvc.perform(multipart("/api/attachments").file(new MockMultipartFile("file", name,
                    "application/pdf", content)).with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(user))))
                    .andReturn();
            assertThat(r.getResponse().getStatus()).as(name).isLessThan(500);
            tally("http requests");
            return new Result(r.getResponse().getStatus(), body(r));
        }
    }

    /**
     * The hardening issue's attacks through the real server (its filters are outside MockMvc): every JSON endpoint
     * with an oversized body (declared and streamed), 300 keys in one object, 40 levels of nesting and a 100,000
     * character text; path parameters and 4-byte ids; the engine's changing routes as admin. No 5xx, problems only.
     */
    @Test
    @Order(5)
    void theServerRefusesOversizedManyKeyAndDeepBodiesAndOddPathsWithoutA5xx() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        StringBuilder manyKeys = new StringBuilder("{\"data\":{");
        for (int i = 0; i < 300; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        manyKeys.append("}}");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("oversized", "{\"data\":{\"x\":\"" + "殡".repeat(300_000) + "\"}}");
        bodies.put("many keys", manyKeys.toString());
        bodies.put("deep", "{\"a\":".repeat(40) + "1" + "}".repeat(40));
        bodies.put("long text", "{\"data\":{\"x\":\"" + "x".repeat(100_000) + "\"}}");
        Map<String, Integer> expected = Map.of("oversized", 413, "many keys", 422, "deep", 422, "long text", 422);
        int sent = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            boolean takesBody = false;
            for (Parameter p : e.getValue().getMethod().getParameters()) {
                takesBody |= p.isAnnotationPresent(RequestBody.class);
            }
            if (!takesBody || !e.getValue().getBeanType().getPackageName().startsWith("cn.zs.civil")) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "x");
                    for (Map.Entry<String, String> body : bodies.entrySet()) {
                        byte[] bytes = body.getValue().getBytes(StandardCharsets.UTF_8);
                        boolean streamed = random.nextBoolean();
                        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                        "zhangsan:demo".getBytes(StandardCharsets.UTF_8)))
                                .method(method.name(), streamed
                                        ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new java.io.ByteArrayInputStream(bytes))
                                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                        var r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(method + " " + path + " " + body.getKey() + " → " + r.body())
                                .isEqualTo(expected.get(body.getKey()));
                        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                        tally("server: " + body.getKey() + " JSON bodies refused before parsing ("
                                + expected.get(body.getKey()) + ")");
                        sent++;
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(40);
        for (String path : List.of("/engine-rest;x=y/engine", "/api;x=y/me", "/api/tasks/%F0%A0%AE%B7",
                "/engine-rest/task/%F0%A0%AE%B7", "/api/applications/%F0%A0%AE%B7", "/api/attachments/%F0%A0%AE%B7")) {
            for (String user : java.util.Arrays.asList(null, "chief", "admin", "zhangsan")) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path));
                if (user != null) {
                    request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (user + ":demo").getBytes(StandardCharsets.UTF_8)));
                }
                var r = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + " as " + user + " → " + r.body()).isBetween(400, 499);
                tally("server: path parameters and 4-byte ids refused (4xx)");
            }
        }
        String task = tasks.createTaskQuery().active().list().stream().findFirst().map(Task::getId).orElse("t");
        for (cn.zs.civil.identity.EngineRoutes.Route route : cn.zs.civil.identity.EngineRoutes.all()) {
            if (route.allowed()) {
                continue;
            }
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/engine-rest"
                    + route.template().replaceAll("\\{[^}]+}", task))).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:demo".getBytes(StandardCharsets.UTF_8)))
                    .method(route.method(), java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            var r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(route + " → " + r.body()).isEqualTo(403);
            tally("server: engine routes that decide around the platform refused as admin (403)");
        }
    }

    /**
     * Public tracking against the sealed query code (a keyed hash checks it): the right code in any case and spacing
     * finds the case, hostile, 4-byte, overlong and empty codes answer a problem, never a 5xx; the stored code is
     * sealed and its hash is no plain text either.
     */
    @Test
    @Order(5)
    void trackingChecksTheSealedQueryCodeAndRefusesHostileCodesWithoutA5xx() throws Exception {
        List<String> cases = CREATED.stream().limit(12).toList();
        assertThat(cases).isNotEmpty();
        for (String no : cases) {
            String code = applications.byNo(no).queryCode();
            assertThat(code).matches("[A-Z0-9]{8}");
            Map<String, Object> stored = jdbc.queryForMap("select query_code, query_hash from application"
                    + " where application_no = ?", no);
            assertThat((String) stored.get("query_code")).startsWith("enc:v1:").doesNotContain(code);
            assertThat((String) stored.get("query_hash")).hasSize(64).doesNotContain(code);
            for (String right : List.of(code, " " + code.toLowerCase(Locale.ROOT) + " ")) {
                MvcResult r = send(HttpMethod.POST, "/api/public/track", null,
                        json.writeValueAsString(Map.of("applicationNo", no, "queryCode", right)));
                assertThat(r.getResponse().getStatus()).isEqualTo(200);
                tally("tracking: the right query code found the case");
            }
            List<String> wrong = new ArrayList<>(List.of("", " ", "𠮷𠮷𠮷𠮷", "𠮷".repeat(9), code.substring(1),
                    code + "A", "%", "_".repeat(8), code.substring(0, 7) + "\u0000", "' OR '1'='1"));
            for (int i = 0; i < 6; i++) {
                wrong.add(FormSamples.HOSTILE.get(random.nextInt(FormSamples.HOSTILE.size())));
            }
            for (String bad : wrong) {
                MvcResult r = send(HttpMethod.POST, "/api/public/track", null,
                        json.writeValueAsString(Map.of("applicationNo", no, "queryCode", bad)));
                assertThat(r.getResponse().getStatus()).as(bad).isIn(400, 404, 422);
                tally("tracking: hostile or wrong query codes refused (4xx)");
            }
        }
    }

    @Test
    @Order(6)
    void afterAllThatNothingWasEvaluatedAndTheAuditChainHolds() {
        // The hostile text typed into task forms and notices is sealed at rest like the forms. ReportsIT's synthetic
        // cases (RPT…) are rows it inserts by SQL, not through the platform: not counted.
        List<String> plain = new ArrayList<>();
        plain.addAll(jdbc.queryForList("select concat('case_event ', application_no, ' ', event_type) from case_event"
                + " where data is not null and data not like 'enc:v1:%' and application_no not like 'RPT%'",
                String.class));
        plain.addAll(jdbc.queryForList("select concat('correction_notice ', application_no) from correction_notice"
                + " where items not like 'enc:v1:%' and application_no not like 'RPT%'", String.class));
        plain.addAll(jdbc.queryForList("select concat('case_comment ', application_no) from case_comment"
                + " where body not like 'enc:v1:%' and application_no not like 'RPT%'", String.class));
        plain.addAll(jdbc.queryForList("select concat('query_code ', application_no) from application"
                + " where query_code not like 'enc:v1:%' and application_no not like 'RPT%'", String.class));
        assertThat(plain).as("free text and query codes in plain text").isEmpty();
        assertThat(count("select count(*) from ACT_HI_VARINST where NAME_ = 'pwned'")).isZero();
        assertThat(count("select count(*) from application")).isPositive();
        assertThat(audit.verify().intact()).isTrue();
        long http = COUNTS.entrySet().stream().filter(e -> e.getKey().endsWith("sent")
                || e.getKey().endsWith("valid submissions generated") || e.getKey().endsWith("generated requests")
                || e.getKey().startsWith("server:")
                || e.getKey().startsWith("uploads") || e.getKey().contains("random JSON"))
                .mapToLong(e -> e.getValue().get()).sum();
        long inProcess = COUNTS.getOrDefault("validator: generated submissions", new AtomicLong()).get();
        tally("TOTAL generated submissions through HTTP", http);
        tally("TOTAL generated submissions (HTTP + validator)", http + inProcess);
        assertThat(http + inProcess).as("generated submissions").isGreaterThanOrEqualTo(10_000);
        assertThat(http).as("generated submissions through HTTP").isGreaterThanOrEqualTo(8_000);
    }

    @AfterAll
    static void report() {
        System.out.println("[hostile-input] seed " + SEED + " (repeat with -Dfuzz.seed=" + SEED + ")");
        COUNTS.forEach((k, v) -> System.out.printf("[hostile-input] %-80s %,d%n", k, v.get()));
    }
}
