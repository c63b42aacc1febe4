package cn.zs.civil.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.catalogue.ServiceCatalogue.ServiceDefinition;
import cn.zs.civil.forms.FormDefinition;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.forms.FormField;
import cn.zs.civil.forms.ValidatedForm;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.SealedText;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * The generic lifecycle every service shares: submit (validated, numbered, idempotent, started in one
 * transaction with its process), read with the caller's rights, supply corrections, withdraw.
 */
@Service
public class ApplicationService {

    public static final String MESSAGE_CORRECTIONS_SUPPLIED = "CorrectionsSupplied";
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    public static final String VAR_APPLICATION_NO = "applicationNo";
    public static final String VAR_SERVICE_CODE = "serviceCode";
    public static final String VAR_DISTRICT = "district";
    public static final String VAR_CHANNEL = "channel";
    public static final String VAR_RECEIVED_AT = "receivedAt";
    public static final String VAR_STATUTORY_LIMIT_DAYS = "statutoryLimitDays";
    public static final String VAR_PROMISED_LIMIT_DAYS = "promisedLimitDays";
    public static final String VAR_CORRECTION_PERIOD = "correctionPeriod";
    private static final String DISTRICT_FIELD = "district";
    private static final java.util.Set<String> WITHDRAWABLE = java.util.Set.of(CaseStatus.RECEIVED,
            CaseStatus.UNDER_REVIEW, CaseStatus.WAITING_FOR_CORRECTIONS, CaseStatus.WAITING_FOR_REGISTRY, CaseStatus.COOLING_OFF);

    private final ApplicationMapper mapper;
    private final ServiceCatalogue catalogue;
    private final FormDefinitions forms;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final ApplicationNumbers numbers;
    private final CaseLog log;
    private final Attachments attachments;
    private final IdentityProperties identity;
    private final DataCipher cipher;
    private final SealedText sealedText;
    private final QueryCodes queryCodes;
    private final SubjectNameKeys subjectKeys;
    private final org.springframework.beans.factory.ObjectProvider<SubmissionCheck> submissionChecks;

    private final cn.zs.civil.catalogue.PolicyParameters parameters;

    ApplicationService(ApplicationMapper mapper, ServiceCatalogue catalogue, FormDefinitions forms,
            RepositoryService repository, RuntimeService runtime, TransactionTemplate tx, ObjectMapper json,
            ApplicationNumbers numbers, CaseLog log, Attachments attachments, IdentityProperties identity,
            DataCipher cipher, SealedText sealedText, QueryCodes queryCodes, SubjectNameKeys subjectKeys,
            org.springframework.beans.factory.ObjectProvider<SubmissionCheck> submissionChecks,
            cn.zs.civil.catalogue.PolicyParameters parameters) {
        this.parameters = parameters;
        this.subjectKeys = subjectKeys;
        this.submissionChecks = submissionChecks;
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.forms = forms;
        this.repository = repository;
        this.runtime = runtime;
        this.tx = tx;
        this.json = json;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.numbers = numbers;
        this.log = log;
        this.attachments = attachments;
        this.identity = identity;
        this.cipher = cipher;
        this.sealedText = sealedText;
        this.queryCodes = queryCodes;
    }

    public record Submitted(String applicationNo, String queryCode, String serviceCode, String status, boolean replayed) {
    }

    /**
     * Validates against the service's start form, then writes the case and starts its process in one transaction.
     * With an idempotency key, a retry returns the first case; nothing is ever created twice.
     */
    public Submitted submit(PlatformUser user, String serviceCode, Map<String, Object> data, String idempotencyKey,
            Locale locale) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw ApiException.invalid(List.of(new FieldProblem("serviceCode", "serviceCode", "form.required",
                    "serviceCode")));
        }
        ServiceDefinition service = catalogue.find(serviceCode)
                .orElseThrow(() -> ApiException.notFound("service.notFound", serviceCode));
        if (!maySubmit(user, service)) {
            throw ApiException.forbidden("service.notForYou");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "idempotency.invalidKey");
        }
        String requestHash = hash(serviceCode, data);
        if (idempotencyKey != null) {
            Optional<Submitted> replay = replay(user, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        ProcessDefinition definition = latest(service.processKey());
        FormDefinition form = forms.startForm(definition.getId());
        ValidatedForm checked;
        try {
            checked = checked(user, form, data, locale, null);
        } catch (ApiException invalid) {
            // A concurrent retry may have committed meanwhile and linked the files: then this is that case. Its
            // commit can become visible a moment after its file links did (seen once in CI), so look a few times.
            if (idempotencyKey != null) {
                for (int attempt = 0; attempt < 5; attempt++) {
                    Optional<Submitted> replay = replay(user, idempotencyKey, requestHash);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            throw invalid;
        }
        List<FieldProblem> caseProblems = submissionChecks.orderedStream()
                .flatMap(c -> c.check(user, serviceCode, checked.values(), locale).stream()).toList();
        if (!caseProblems.isEmpty()) {
            throw ApiException.invalid(caseProblems);
        }
        // Drawn before the submission's transaction, in a short one of its own: inside it, the draw would hold a
        // second pooled connection while the first waits (the benchmark's submitters exhausted the pool that way).
        String applicationNo = numbers.next(service.numberPrefix());
        try {
            return tx.execute(status -> start(user, applicationNo, serviceCode, service, definition, form, checked,
                    idempotencyKey, requestHash));
        } catch (DuplicateKeyException concurrentRetry) {
            if (idempotencyKey == null) {
                throw concurrentRetry;
            }
            return replay(user, idempotencyKey, requestHash).orElseThrow(() -> concurrentRetry);
        }
    }

    private Submitted start(PlatformUser user, String applicationNo, String serviceCode, ServiceDefinition service,
            ProcessDefinition definition, FormDefinition form, ValidatedForm checked, String idempotencyKey,
            String requestHash) {
        if (idempotencyKey != null) {
            // First statement of the transaction that can collide: a concurrent retry waits here, then fails.
            mapper.insertIdempotencyKey(user.id(), idempotencyKey, requestHash, applicationNo, BusinessTime.now());
        }
        String queryCode = numbers.queryCode();
        var now = BusinessTime.now();
        String district = (String) checked.values().get(DISTRICT_FIELD);
        String subject = subject(form, checked.values());
        // How the case reached the bureau, decided here once (CaseChannel): online, booked online, walk-in, or
        // granted without an application.
        String channel = CaseChannel.of(service.channel(), submissionChecks.orderedStream()
                .anyMatch(c -> c.matchedBooking(serviceCode, checked.values()))).name();
        mapper.insertApplication(new ApplicationRow(null, applicationNo, queryCodes.seal(applicationNo, queryCode),
                serviceCode, definition.getId(),
                null, user.id(), channel, district, SubjectNames.seal(cipher, applicationNo, subject),
                CaseStatus.RECEIVED, null, sealed(applicationNo, checked.values()), now, null, null, null, now),
                queryCodes.hash(queryCode));
        subjectKeys.store(mapper, applicationNo, form, checked.values());
        attachments.link(user, applicationNo, form, checked);
        log.byUser(applicationNo, CaseEventType.SUBMITTED, user, null, null, Map.of("serviceCode", serviceCode));
        Map<String, Object> variables = new HashMap<>(checked.engineVariables());
        variables.put(VAR_APPLICATION_NO, applicationNo);
        variables.put(VAR_SERVICE_CODE, serviceCode);
        variables.put(VAR_DISTRICT, district);
        variables.put(VAR_CHANNEL, channel);
        variables.put(VAR_RECEIVED_AT, BusinessTime.toDate(now));
        // The service's limits in force on the receipt day (policy parameters); acceptance sets them again for its
        // own day (CaseStatus.accepted). The correction period runs before acceptance: the receipt day's.
        var limits = CaseStatus.limits(service, parameters, serviceCode, now.toLocalDate());
        variables.put(VAR_STATUTORY_LIMIT_DAYS, limits.statutoryDays());
        variables.put(VAR_PROMISED_LIMIT_DAYS, limits.promisedDays() == null ? service.promisedLimit().days()
                : limits.promisedDays());
        String correctionKey = cn.zs.civil.catalogue.PolicyParameters.correctionPeriod(serviceCode);
        variables.put(VAR_CORRECTION_PERIOD, "P" + (parameters.declares(correctionKey)
                ? parameters.valueOn(correctionKey, now.toLocalDate()) : service.correctionPeriodDays()) + "D");
        submissionChecks.orderedStream().forEach(c -> c.submitted(user, applicationNo, serviceCode, checked.values()));
        ProcessInstance instance = runtime.startProcessInstanceById(definition.getId(), applicationNo, variables);
        mapper.updateProcess(applicationNo, definition.getId(), instance.getId());
        return new Submitted(applicationNo, queryCode, serviceCode, CaseStatus.RECEIVED, false);
    }

    private Optional<Submitted> replay(PlatformUser user, String key, String requestHash) {
        ApplicationMapper.IdempotencyRow row = mapper.findIdempotencyKey(user.id(), key);
        if (row == null) {
            return Optional.empty();
        }
        if (!row.requestHash().equals(requestHash)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.keyReused");
        }
        ApplicationRow application = opened(mapper.findByNo(row.applicationNo()));
        return Optional.of(new Submitted(application.applicationNo(), application.queryCode(),
                application.serviceCode(), application.status(), true));
    }

    /** Form findings plus the checks a form cannot express: a known district, files that are the caller's own. */
    private ValidatedForm checked(PlatformUser user, FormDefinition form, Map<String, Object> data, Locale locale,
            String applicationNo) {
        ValidatedForm checked = forms.validate(form, data, locale);
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        Object district = checked.values().get(DISTRICT_FIELD);
        if (district != null && !identity.districtsByCode().containsKey(district)) {
            problems.add(new FieldProblem(DISTRICT_FIELD, DISTRICT_FIELD, "form.notOption", "district"));
        }
        problems.addAll(attachments.checkUsable(user, form, checked, applicationNo, locale));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return checked;
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().active().singleResult();
        if (definition == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service.notDeployed");
        }
        return definition;
    }

    public boolean maySubmit(PlatformUser user, ServiceDefinition service) {
        boolean role = service.starterRoles().stream().anyMatch(user::hasRole);
        boolean group = service.starterGroups().isEmpty() || user.inAnyGroup(service.starterGroups());
        return role && group;
    }

    /** The case if this caller may read it; otherwise "not found", so numbers cannot be probed. */
    public ApplicationRow readable(PlatformUser user, String applicationNo) {
        ApplicationRow row = applicationNo == null ? null : opened(mapper.findByNo(applicationNo));
        if (row != null && !mayRead(user, row)) {
            log.denied(user, applicationNo, "read");
        }
        if (row == null || !mayRead(user, row)) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        return row;
    }

    public boolean mayRead(PlatformUser user, ApplicationRow row) {
        if (user.hasRole("applicant") && row.applicantId().equals(user.id())) {
            return true;
        }
        return staffMaySee(user, row);
    }

    /** Staff see the cases of their service queues in their districts. */
    public boolean staffMaySee(PlatformUser user, ApplicationRow row) {
        if (!user.isStaff()) {
            return false;
        }
        List<String> queues = catalogue.find(row.serviceCode()).map(ServiceDefinition::queueGroups).orElse(List.of());
        return user.inAnyGroup(queues) && user.seesDistrict(row.district());
    }

    /**
     * How free text typed by others (a clerk's note, a decision's reasons) reaches this reader of the case: in full
     * for its staff; for its applicant with the ID and account numbers in it masked unless they are the applicant's
     * own (in their form).
     *
     * @param formData the case's form data, when the caller has it opened already (else null)
     */
    public java.util.function.UnaryOperator<String> freeTextShownTo(PlatformUser user, ApplicationRow row,
            Map<String, Object> formData) {
        if (staffMaySee(user, row)) {
            return java.util.function.UnaryOperator.identity();
        }
        java.util.Set<String> own = Masking.numbersOf((formData == null ? formData(row) : formData).values());
        return text -> Masking.numbersIn(text, own);
    }

    /** Every read of a sensitive record (marriage, divorce) by staff is recorded: who, when (2025 regulations Art. 6). */
    public void recordRead(PlatformUser user, ApplicationRow row) {
        boolean sensitive = catalogue.find(row.serviceCode()).map(ServiceDefinition::sensitive).orElse(false);
        if (sensitive && user.isStaff()) {
            tx.executeWithoutResult(s -> log.byUser(row.applicationNo(), CaseEventType.RECORD_READ, user, null, null, null));
        }
    }

    public ApplicationRow byNo(String applicationNo) {
        ApplicationRow row = opened(mapper.findByNo(applicationNo));
        if (row == null) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        return row;
    }

    public Map<String, ApplicationRow> byNos(List<String> applicationNos) {
        Map<String, ApplicationRow> out = new LinkedHashMap<>();
        if (!applicationNos.isEmpty()) {
            mapper.findByNos(applicationNos).forEach(r -> out.put(r.applicationNo(), opened(r)));
        }
        return out;
    }

    public List<ApplicationRow> mine(PlatformUser user, int page, int size) {
        return mapper.findByApplicant(user.id(), page * size, size).stream().map(this::opened).toList();
    }

    public long countMine(PlatformUser user) {
        return mapper.countByApplicant(user.id());
    }

    /** The values of the case's start form (personal data): for delegates and entitled readers only. */
    public Map<String, Object> formData(String applicationNo) {
        return formData(byNo(applicationNo));
    }

    /** The case's form values, opened from their encryption at rest (AES-GCM, bound to the application number). */
    public Map<String, Object> formData(ApplicationRow row) {
        return parse(cipher.open(row.formData(), row.applicationNo()));
    }

    /** The form values as stored: sealed with the current key, bound to their case. */
    String sealed(String applicationNo, Map<String, Object> values) {
        return cipher.seal(toJson(values), applicationNo);
    }

    public Map<String, Object> parse(String formData) {
        try {
            return json.readValue(formData, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable form data", e);
        }
    }

    public Object parseAny(String raw) {
        try {
            return json.readValue(raw, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON", e);
        }
    }

    /** The case's correction notice, its items and note opened (sealed at rest: clerks' free text). */
    public Optional<CorrectionNoticeRow> correctionNotice(String applicationNo) {
        return Optional.ofNullable(mapper.findCorrectionNotice(applicationNo)).map(n -> n.withText(
                sealedText.open(SealedText.Column.CORRECTION_ITEMS, applicationNo, n.items()),
                sealedText.open(SealedText.Column.CORRECTION_NOTE, applicationNo, n.note())));
    }

    /** Records the one correction notice of the case; a second one is refused (ALL Art. 32(4): one notice, all items). */
    public void recordCorrectionNotice(String applicationNo, List<?> items, String note, PlatformUser clerk) {
        try {
            mapper.insertCorrectionNotice(applicationNo,
                    sealedText.seal(SealedText.Column.CORRECTION_ITEMS, applicationNo, toJson(items)),
                    sealedText.seal(SealedText.Column.CORRECTION_NOTE, applicationNo, note), clerk.id(),
                    BusinessTime.now());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("corrections.alreadyNotified");
        }
    }

    /**
     * The applicant supplies what the correction notice asked for: the start form is checked again with the changes
     * applied, the case's data replaced, and the process told, all in one transaction.
     */
    public void supplyCorrections(PlatformUser user, String applicationNo, Map<String, Object> changes, Locale locale) {
        ApplicationRow row = ownCase(user, applicationNo);
        CorrectionNoticeRow notice = mapper.findCorrectionNotice(applicationNo);
        if (notice == null || notice.suppliedAt() != null || !CaseStatus.WAITING_FOR_CORRECTIONS.equals(row.status())) {
            throw ApiException.conflict("corrections.notAwaited");
        }
        FormDefinition form = forms.startForm(row.processDefinitionId());
        Map<String, Object> merged = new LinkedHashMap<>(formData(row));
        if (changes != null) {
            merged.putAll(changes);
        }
        ValidatedForm checked = checked(user, form, merged, locale, applicationNo);
        if (!Objects.equals(checked.values().get(DISTRICT_FIELD), row.district())) {
            throw ApiException.invalid(List.of(new FieldProblem(DISTRICT_FIELD, DISTRICT_FIELD, "corrections.districtFixed",
                    "district")));
        }
        tx.executeWithoutResult(status -> {
            var now = BusinessTime.now();
            String subject = subject(form, checked.values());
            mapper.updateFormData(applicationNo, sealed(applicationNo, checked.values()),
                    SubjectNames.seal(cipher, applicationNo, subject), now);
            subjectKeys.store(mapper, applicationNo, form, checked.values());
            attachments.link(user, applicationNo, form, checked);
            mapper.markCorrectionSupplied(applicationNo, now);
            log.byUser(applicationNo, CaseEventType.CORRECTIONS_SUPPLIED, user, null, null,
                    Map.of("fields", changes == null ? List.of() : List.copyOf(changes.keySet())));
            try {
                runtime.createMessageCorrelation(MESSAGE_CORRECTIONS_SUPPLIED).processInstanceBusinessKey(applicationNo)
                        .setVariables(checked.engineVariables()).correlate();
            } catch (MismatchingMessageCorrelationException e) {
                throw ApiException.conflict("corrections.notAwaited");
            }
        });
    }

    /** Withdrawal by the applicant, where the process still allows it (it listens for the message). */
    public void withdraw(PlatformUser user, String applicationNo, String reason) {
        ApplicationRow row = ownCase(user, applicationNo);
        if (!WITHDRAWABLE.contains(row.status())) {
            // Once decided (even while the payment is still running) a case is no longer the applicant's to withdraw.
            throw ApiException.conflict("withdraw.notAllowedNow");
        }
        if (reason != null && reason.length() > 500) {
            throw ApiException.invalid(List.of(new FieldProblem("reason", "reason", "form.tooLong", "500")));
        }
        tx.executeWithoutResult(status -> {
            log.byUser(applicationNo, CaseEventType.WITHDRAWN, user, null, "WITHDRAWN",
                    reason == null ? Map.of() : Map.of("reason", reason));
            try {
                runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(applicationNo)
                        .setVariable("withdrawnBy", user.id()).correlate();
            } catch (MismatchingMessageCorrelationException e) {
                throw ApiException.conflict("withdraw.notAllowedNow");
            }
        });
    }

    /**
     * The case if the caller is its applicant; otherwise "not found" (recorded as a refusal), so numbers cannot be
     * probed through the applicant's actions either.
     */
    public ApplicationRow ownCase(PlatformUser user, String applicationNo) {
        ApplicationRow row = applicationNo == null ? null : opened(mapper.findByNo(applicationNo));
        if (row != null && !row.applicantId().equals(user.id())) {
            log.denied(user, applicationNo, "act as the applicant");
        }
        if (row == null || !row.applicantId().equals(user.id())) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        return row;
    }

    /** The person the case is about (the deceased, the couple, the organisation), shown masked in lists. */
    /** A row as the service hands it out: the subject's name opened. */
    private ApplicationRow opened(ApplicationRow row) {
        return row == null ? null : row.withSubjectName(SubjectNames.open(cipher, row.applicationNo(), row.subjectName()))
                .withQueryCode(queryCodes.open(row.applicationNo(), row.queryCode()));
    }

    private static String subject(FormDefinition form, Map<String, Object> values) {
        return form.valueFields().stream().filter(f -> "true".equals(f.properties().get("subject")))
                .map(FormField::key).map(values::get).filter(Objects::nonNull).map(Object::toString).findFirst()
                .orElse(null);
    }

    private String hash(String serviceCode, Map<String, Object> data) {
        try {
            Map<String, Object> canonical = new TreeMap<>();
            canonical.put("serviceCode", serviceCode);
            canonical.put("data", data == null ? Map.of() : data);
            byte[] bytes = canonicalJson.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
