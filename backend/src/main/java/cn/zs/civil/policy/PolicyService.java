package cn.zs.civil.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Proposing, approving and rejecting a new version of a decision table, and which versions are in force. The rules
 * of a proposal are checked cell by cell with the FEEL parser the engine evaluates them with, then the whole table
 * with the engine's DMN parser, before anything is stored; the approval deploys it through the RepositoryService in
 * the same transaction as the record and its audit entry.
 */
@Service
public class PolicyService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PolicyService.class);

    enum Status { PROPOSED, APPROVED, REJECTED }

    static final int MAX_RULES = 200;
    static final int MAX_ENTRY = 500;
    static final int MAX_DESCRIPTION = 300;
    static final int MAX_REASON = 500;
    static final int MAX_YEARS_AHEAD = 5;
    static final int MAX_LISTED = 500;

    private final PolicyMapper mapper;
    private final RepositoryService repository;
    private final HistoryService history;
    private final ProcessEngine engine;
    private final Sequences sequences;
    private final AuditLog audit;
    private final MessageSource messages;
    private final IdentityProperties identity;
    private final ObjectMapper json;
    private final FeelEngineApi feel = FeelEngineBuilder.create().build();

    private final PolicyParameterValues parameters;

    PolicyService(PolicyMapper mapper, RepositoryService repository, HistoryService history, ProcessEngine engine,
            Sequences sequences, AuditLog audit, MessageSource messages, IdentityProperties identity,
            ObjectMapper json, PolicyParameterValues parameters) {
        this.mapper = mapper;
        this.parameters = parameters;
        this.repository = repository;
        this.history = history;
        this.engine = engine;
        this.sequences = sequences;
        this.audit = audit;
        this.messages = messages;
        this.identity = identity;
        this.json = json;
    }

    public record Column(String label, String type) {
    }

    public record RuleView(String description, List<String> inputs, List<String> outputs) {
    }

    /** A version of a decision table as its editor shows it: the columns fixed, the rules to change. */
    public record Table(String decisionKey, String name, int version, LocalDate effectiveFrom, String effectiveText,
            String hitPolicyText, List<Column> inputs, List<Column> outputs, List<RuleView> rules) {
    }

    public record VersionView(int version, LocalDate effectiveFrom, String effectiveText) {
    }

    /**
     * A proposed, approved or rejected change: of a decision table ({@code kind} DECISION, its rules) or of a
     * parameter (PARAMETER, its value and the value in words; {@code decisionName} is then the parameter's label).
     */
    public record ChangeView(long id, String kind, String decisionKey, String decisionName, String status,
            String statusText, int baseVersion, String reason, LocalDate effectiveDate, String proposedBy,
            LocalDateTime proposedAt, String decidedBy, LocalDateTime decidedAt, String decisionReason,
            Integer version, boolean mayDecide, List<RuleView> rules, Integer value, String valueText) {
    }

    public record DecisionSummary(String decisionKey, String name, VersionView inForce, List<VersionView> scheduled,
            List<ChangeView> proposed) {
    }

    public record RuleInput(String description, List<String> inputs, List<String> outputs) {
    }

    public record Proposal(String decisionKey, Integer baseVersion, String reason, String effectiveDate,
            List<RuleInput> rules) {
    }

    public record Approval(String effectiveDate) {
    }

    public record Rejection(String reason) {
    }

    /** The version of one decision a case was accepted under, as its page names it. */
    public record CasePolicy(String decisionKey, String decisionName, int version, LocalDate effectiveFrom,
            String effectiveText, String valueText) {
    }

    /** A version of a parameter as the administrators' list shows it (version 0: the jar's). */
    public record ParameterVersionView(int version, int value, String valueText, LocalDate effectiveFrom,
            String effectiveText) {
    }

    /** A changeable parameter: its label, unit and bounds in words, legal reference and versions. */
    public record ParameterSummary(String key, String label, String unitText, int min, int max, String boundsText,
            String law, ParameterVersionView inForce, List<ParameterVersionView> scheduled, List<ChangeView> proposed) {
    }

    public record ParameterProposal(String parameterKey, Integer baseVersion, Object value, String reason,
            String effectiveDate) {
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public List<DecisionSummary> decisions(PlatformUser user, Locale locale) {
        LocalDate today = today();
        List<PolicyMapper.ChangeRow> rows = mapper.all(MAX_LISTED);
        List<DecisionSummary> out = new ArrayList<>();
        for (String key : PolicyCatalogue.DECISIONS) {
            PolicyVersions.Resolved inForce = PolicyVersions.inForce(repository, null, key, today);
            List<VersionView> scheduled = PolicyVersions.approvedVersions(repository, key).stream()
                    .filter(r -> r.effectiveFrom().isAfter(today)).map(r -> version(r, locale)).toList();
            List<ChangeView> proposed = rows.stream()
                    .filter(r -> r.decisionKey().equals(key) && Status.PROPOSED.name().equals(r.status()))
                    .map(r -> view(r, user, locale, false)).toList();
            out.add(new DecisionSummary(key, decisionName(key, locale), version(inForce, locale), scheduled, proposed));
        }
        return out;
    }

    /** The table a proposal starts from: the version that will be in force last (the newest approved, else the jar's). */
    @Transactional(readOnly = true)
    public Table table(String decisionKey, Locale locale) {
        String key = knownDecision(decisionKey);
        return table(base(key), locale);
    }

    @Transactional(readOnly = true)
    public List<ChangeView> changes(PlatformUser user, Locale locale) {
        return mapper.all(MAX_LISTED).stream().map(r -> view(r, user, locale, false)).toList();
    }

    @Transactional(readOnly = true)
    public ChangeView change(PlatformUser user, String id, Locale locale) {
        return view(row(id, false), user, locale, true);
    }

    /** The decision versions a case was accepted under (none for a case accepted before they were recorded). */
    @Transactional(readOnly = true)
    public List<CasePolicy> ofCase(ApplicationRow row, Locale locale) {
        if (row.processInstanceId() == null) {
            return List.of();
        }
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(row.processInstanceId()).variableNameLike(PolicyVersions.VARIABLE_PREFIX + "%")
                .list();
        List<CasePolicy> out = new ArrayList<>();
        for (HistoricVariableInstance v : variables) {
            String key = v.getName().substring(PolicyVersions.VARIABLE_PREFIX.length());
            if (v.getValue() instanceof Number n) {
                PolicyVersions.byVersion(repository, key, n.intValue()).ifPresent(r -> out.add(new CasePolicy(key,
                        decisionName(key, locale), r.version(), r.effectiveFrom(), effectiveText(r, locale), null)));
            }
        }
        out.sort(java.util.Comparator.comparingInt(c -> PolicyCatalogue.DECISIONS.indexOf(c.decisionKey())));
        out.addAll(parametersOf(row, locale));
        return out;
    }

    // ---- changing ----

    @Transactional
    public ChangeView propose(PlatformUser user, Proposal proposal, Locale locale) {
        Proposal p = proposal == null ? new Proposal(null, null, null, null, null) : proposal;
        List<FieldProblem> problems = new ArrayList<>();
        String key = null;
        if (p.decisionKey() == null || p.decisionKey().isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, "decisionKey", "policy.label.decisionKey",
                    "form.required"));
        } else if (!PolicyCatalogue.DECISIONS.contains(p.decisionKey().strip())) {
            problems.add(FieldProblems.labelled(messages, locale, "decisionKey", "policy.label.decisionKey",
                    "form.notOption"));
        } else {
            key = p.decisionKey().strip();
        }
        String reason = required(problems, "reason", p.reason(), MAX_REASON, locale);
        LocalDate effective = effectiveDate(problems, p.effectiveDate(), locale);
        DecisionDefinition base = key == null ? null : base(key);
        List<RuleView> rules = key == null ? List.of() : rules(problems, p.rules(), base, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (p.baseVersion() != null && p.baseVersion() != base.getVersion()) {
            throw ApiException.conflict("policy.stale", p.baseVersion(), base.getVersion());
        }
        long id = sequences.draw("policy-change");
        String xml = dmn(base, rules, effective, id, locale);
        PolicyMapper.ChangeRow row = new PolicyMapper.ChangeRow(id, key, Status.PROPOSED.name(), base.getVersion(),
                write(rules), xml, reason, effective, user.id(), BusinessTime.now().withNano(0), null, null, null, null,
                null, null, "DECISION", null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", key);
        after.put("rules", rules.size());
        return proposed(user, row, after, locale);
    }

    /**
     * A new value of a parameter (a time limit, a correction period, a window): checked against its type and bounds
     * (and a promised limit against the statutory one in force from the effective date), then stored as
     * {@code PROPOSED} in force nowhere until a second administrator approves it; audited.
     */
    @Transactional
    public ChangeView proposeParameter(PlatformUser user, ParameterProposal proposal, Locale locale) {
        ParameterProposal p = proposal == null ? new ParameterProposal(null, null, null, null, null) : proposal;
        List<FieldProblem> problems = new ArrayList<>();
        PolicyParameterValues.Declared declared = null;
        if (p.parameterKey() == null || p.parameterKey().isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, "parameterKey", "policy.label.parameterKey",
                    "form.required"));
        } else {
            declared = parameters.find(p.parameterKey().strip()).orElse(null);
            if (declared == null) {
                problems.add(FieldProblems.labelled(messages, locale, "parameterKey", "policy.label.parameterKey",
                        "form.notOption"));
            }
        }
        Integer value = declared == null ? null : value(problems, declared, p.value(), locale);
        String reason = required(problems, "reason", p.reason(), MAX_REASON, locale);
        LocalDate effective = effectiveDate(problems, p.effectiveDate(), locale);
        if (value != null && effective != null) {
            withinTheLaw(problems, declared.key(), value, effective, locale);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        int base = parameters.base(declared.key());
        if (p.baseVersion() != null && p.baseVersion() != base) {
            throw ApiException.conflict("policy.stale", p.baseVersion(), base);
        }
        long id = sequences.draw("policy-change");
        PolicyMapper.ChangeRow row = new PolicyMapper.ChangeRow(id, declared.key(), Status.PROPOSED.name(), base,
                "[]", "", reason, effective, user.id(), BusinessTime.now().withNano(0), null, null, null, null, null,
                null, PolicyParameterValues.KIND, value);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("parameter", declared.key());
        after.put("value", value);
        return proposed(user, row, after, locale);
    }

    /** Stores a proposal and audits it (a table's or a value's: {@code after} says what it changes). */
    private ChangeView proposed(PlatformUser user, PolicyMapper.ChangeRow row, Map<String, Object> after,
            Locale locale) {
        mapper.insert(row);
        after.put("baseVersion", row.baseVersion());
        after.put("effectiveDate", row.effectiveDate().toString());
        after.put("reason", row.reason());
        audit.byUser(user.id(), user.roles(), "POLICY_CHANGE_PROPOSED", "policy-change:" + row.id(), "OK", Map.of(),
                after);
        return view(row, user, locale, true);
    }

    /** The parameters with the value in force today, the versions approved for a later day and the proposals. */
    @Transactional(readOnly = true)
    public List<ParameterSummary> parameters(PlatformUser user, Locale locale) {
        LocalDate today = today();
        List<PolicyMapper.ChangeRow> rows = mapper.all(MAX_LISTED);
        return parameters.declared().stream().map(d -> new ParameterSummary(d.key(), parameters.label(d.key(), locale),
                messages.getMessage("policy.unitName." + d.unit(), null, locale), d.min(), d.max(),
                messages.getMessage("policy.parameter.bounds", new Object[] {
                        parameters.boundText(d.key(), d.min(), locale), parameters.boundText(d.key(), d.max(), locale)},
                        locale),
                parameters.law(d, locale), version(parameters.inForce(d.key(), today), locale),
                parameters.approved(d.key()).stream().filter(v -> v.effectiveFrom().isAfter(today))
                        .map(v -> version(v, locale)).toList(),
                rows.stream().filter(r -> PolicyParameterValues.KIND.equals(r.kind())
                        && r.decisionKey().equals(d.key()) && Status.PROPOSED.name().equals(r.status()))
                        .map(r -> view(r, user, locale, false)).toList())).toList();
    }

    /**
     * The parameter versions that applied to a case, on its acceptance day (its receipt day before acceptance),
     * where they differ from the jar's: its service's and every service's.
     */
    private List<CasePolicy> parametersOf(ApplicationRow row, Locale locale) {
        LocalDateTime at = row.acceptedAt() != null ? row.acceptedAt() : row.receivedAt();
        if (at == null) {
            return List.of();
        }
        List<CasePolicy> out = new ArrayList<>();
        for (PolicyParameterValues.Declared d : parameters.declared()) {
            if (d.serviceCode() == null || d.serviceCode().equals(row.serviceCode())) {
                PolicyParameterValues.Version v = parameters.inForce(d.key(), at.toLocalDate());
                if (v.version() != 0) {
                    out.add(new CasePolicy(d.key(), parameters.label(d.key(), locale), v.version(), v.effectiveFrom(),
                            effectiveText(v.effectiveFrom(), locale), parameters.valueText(d.key(), v.value(), locale)));
                }
            }
        }
        return out;
    }

    private ParameterVersionView version(PolicyParameterValues.Version v, Locale locale) {
        return new ParameterVersionView(v.version(), v.value(), parameters.valueText(v.key(), v.value(), locale),
                v.effectiveFrom(), effectiveText(v.effectiveFrom(), locale));
    }

    /** A whole number within the parameter's bounds. */
    private Integer value(List<FieldProblem> problems, PolicyParameterValues.Declared d, Object input, Locale locale) {
        String label = parameters.label(d.key(), locale);
        if (input == null || input.toString().isBlank()) {
            problems.add(problem("value", label, "form.required", locale));
            return null;
        }
        long value;
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(input.toString().strip().length() > 12 ? "x"
                    : input.toString().strip());
            value = number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(problem("value", label, "policy.parameter.notWhole", locale));
            return null;
        }
        if (value < d.min() || value > d.max()) {
            problems.add(problem("value", label, "policy.parameter.outOfBounds", locale,
                    parameters.boundText(d.key(), d.min(), locale), parameters.boundText(d.key(), d.max(), locale)));
            return null;
        }
        return (int) value;
    }

    /**
     * A promise can only be shorter than the law (brief §0.4): a promised limit at most the statutory limit in force
     * from the effective date (and from every later approved date), a statutory limit at least the promised one.
     */
    private void withinTheLaw(List<FieldProblem> problems, String key, int value, LocalDate effective,
            Locale locale) {
        boolean promised = key.endsWith(".promised-limit");
        if (!promised && !key.endsWith(".statutory-limit")) {
            return;
        }
        String service = key.substring(0, key.lastIndexOf('.'));
        String other = promised ? cn.zs.civil.catalogue.PolicyParameters.statutoryLimit(service)
                : cn.zs.civil.catalogue.PolicyParameters.promisedLimit(service);
        if (!parameters.declares(other)) {
            return;
        }
        List<LocalDate> days = new ArrayList<>(List.of(effective));
        parameters.approved(other).stream().map(PolicyParameterValues.Version::effectiveFrom)
                .filter(d -> d.isAfter(effective)).forEach(days::add);
        for (LocalDate day : days) {
            int limit = parameters.valueOn(other, day);
            if (promised ? value > limit : value < limit) {
                problems.add(problem("value", parameters.label(key, locale), promised
                        ? "policy.parameter.promisedOverStatutory" : "policy.parameter.statutoryUnderPromised", locale,
                        parameters.valueText(other, limit, locale)));
                return;
            }
        }
    }

    /**
     * The second administrator's approval: deploys the proposed table as a new version of the decision, the
     * effective date (the proposal's, or one the approver sets, today or later) as its versionTag.
     */
    @Transactional
    public ChangeView approve(PlatformUser user, String id, Approval approval, Locale locale) {
        PolicyMapper.ChangeRow row = row(id, true);
        decidable(user, row);
        LocalDate effective = row.effectiveDate();
        if (approval != null && approval.effectiveDate() != null && !approval.effectiveDate().isBlank()) {
            List<FieldProblem> problems = new ArrayList<>();
            effective = effectiveDate(problems, approval.effectiveDate(), locale);
            if (!problems.isEmpty()) {
                throw ApiException.invalid(problems);
            }
        } else if (effective.isBefore(today())) {
            throw ApiException.invalid(List.of(FieldProblems.labelled(messages, locale, "effectiveDate",
                    "policy.label.effectiveDate", "policy.effectivePast")));
        }
        boolean parameter = PolicyParameterValues.KIND.equals(row.kind());
        Map<String, Object> after = new LinkedHashMap<>();
        Approved done = parameter ? approveValue(row, effective, after, locale) : deploy(row, effective, after);
        try {
            if (mapper.approve(row.id(), user.id(), BusinessTime.now().withNano(0), effective, done.deploymentId(),
                    done.decisionDefinitionId(), done.version()) != 1) {
                throw ApiException.conflict("policy.alreadyDecided");
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Another approval on the same base took this version number first.
            throw ApiException.conflict("policy.stale", row.baseVersion(), done.version());
        }
        if (parameter) {
            parameters.approvedNow();
        }
        after.put("effectiveDate", effective.toString());
        audit.byUser(user.id(), user.roles(), "POLICY_CHANGE_APPROVED", "policy-change:" + row.id(), "OK",
                Map.of("status", row.status(), "proposedBy", row.proposedBy()), after);
        return view(mapper.byId(row.id()), user, locale, true);
    }

    /** What an approval made: the engine's deployment and decision (a table), the version (a table or a value). */
    private record Approved(String deploymentId, String decisionDefinitionId, int version) {
    }

    /** A table's approval: the platform deploys it, the effective date as the decision's versionTag. */
    private Approved deploy(PolicyMapper.ChangeRow row, LocalDate effective, Map<String, Object> after) {
        DecisionDefinition base = base(row.decisionKey());
        if (base.getVersion() != row.baseVersion()) {
            throw ApiException.conflict("policy.stale", row.baseVersion(), base.getVersion());
        }
        DmnModelInstance model = Dmn.readModelFromStream(
                new ByteArrayInputStream(row.dmnXml().getBytes(StandardCharsets.UTF_8)));
        Decision decision = model.getModelElementById(row.decisionKey());
        decision.setVersionTag(effective.toString());
        Deployment deployment = repository.createDeployment().name("policy-change-" + row.id())
                .source(PolicyVersions.DEPLOYMENT_SOURCE)
                .addString("policy/" + row.decisionKey() + ".dmn", Dmn.convertToString(model)).deploy();
        DecisionDefinition deployed = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(row.decisionKey()).singleResult();
        after.put("decision", row.decisionKey());
        after.put("version", deployed.getVersion());
        after.put("decisionDefinition", deployed.getId());
        after.put("deployment", deployment.getId());
        return new Approved(deployment.getId(), deployed.getId(), deployed.getVersion());
    }

    /** A value's approval: the next version of the parameter, still on the base it was proposed on. */
    private Approved approveValue(PolicyMapper.ChangeRow row, LocalDate effective, Map<String, Object> after,
            Locale locale) {
        int base = parameters.base(row.decisionKey());
        if (base != row.baseVersion()) {
            throw ApiException.conflict("policy.stale", row.baseVersion(), base);
        }
        List<FieldProblem> problems = new ArrayList<>();
        withinTheLaw(problems, row.decisionKey(), row.parameterValue(), effective, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        int version = parameters.nextVersion(row.decisionKey());
        after.put("parameter", row.decisionKey());
        after.put("version", version);
        after.put("value", row.parameterValue());
        return new Approved(null, null, version);
    }

    @Transactional
    public ChangeView reject(PlatformUser user, String id, Rejection rejection, Locale locale) {
        PolicyMapper.ChangeRow row = row(id, true);
        decidable(user, row);
        List<FieldProblem> problems = new ArrayList<>();
        String reason = required(problems, "reason", rejection == null ? null : rejection.reason(), MAX_REASON, locale);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (mapper.reject(row.id(), user.id(), BusinessTime.now().withNano(0), reason) != 1) {
            throw ApiException.conflict("policy.alreadyDecided");
        }
        audit.byUser(user.id(), user.roles(), "POLICY_CHANGE_REJECTED", "policy-change:" + row.id(), "OK",
                Map.of("status", row.status(), "proposedBy", row.proposedBy()),
                Map.of(PolicyParameterValues.KIND.equals(row.kind()) ? "parameter" : "decision", row.decisionKey(),
                        "reason", reason));
        return view(mapper.byId(row.id()), user, locale, true);
    }

    // ---- checks ----

    /** Four eyes: somebody else than the proposer, and only once. */
    private void decidable(PlatformUser user, PolicyMapper.ChangeRow row) {
        if (!Status.PROPOSED.name().equals(row.status())) {
            throw ApiException.conflict("policy.alreadyDecided");
        }
        if (row.proposedBy().equals(user.id())) {
            throw ApiException.forbidden("policy.ownChange");
        }
    }

    private List<RuleView> rules(List<FieldProblem> problems, List<RuleInput> input, DecisionDefinition base,
            Locale locale) {
        if (input == null || input.isEmpty()) {
            problems.add(FieldProblems.labelled(messages, locale, "rules", "policy.label.rules", "form.required"));
            return List.of();
        }
        if (input.size() > MAX_RULES) {
            problems.add(FieldProblems.labelled(messages, locale, "rules", "policy.label.rules", "form.tooManyItems",
                    MAX_RULES));
            return List.of();
        }
        Table table = table(base, locale);
        List<RuleView> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            RuleInput rule = input.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                problems.add(problem(at, ruleLabel(i, null, locale), "form.required", locale));
                continue;
            }
            String description = rule.description() == null ? "" : rule.description().strip();
            if (description.length() > MAX_DESCRIPTION) {
                problems.add(problem(at + ".description", ruleLabel(i, messages.getMessage(
                        "policy.label.description", null, locale), locale), "form.tooLong", locale, MAX_DESCRIPTION));
            }
            List<String> inputs = cells(problems, at + ".inputs", rule.inputs(), table.inputs(), i, true, locale);
            List<String> outputs = cells(problems, at + ".outputs", rule.outputs(), table.outputs(), i, false, locale);
            out.add(new RuleView(description, inputs, outputs));
        }
        return out;
    }

    private List<String> cells(List<FieldProblem> problems, String at, List<String> values, List<Column> columns,
            int rule, boolean inputs, Locale locale) {
        if (values == null || values.size() != columns.size()) {
            problems.add(problem(at, ruleLabel(rule, null, locale), "policy.cellCount", locale, columns.size()));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String field = at + "[" + c + "]";
            String label = ruleLabel(rule, columns.get(c).label(), locale);
            String text = values.get(c) == null ? "" : values.get(c).strip();
            out.add(text);
            if (text.length() > MAX_ENTRY) {
                problems.add(problem(field, label, "form.tooLong", locale, MAX_ENTRY));
            } else if (inputs) {
                if (!text.isEmpty() && !text.equals("-") && !feel.parseUnaryTests(text).isSuccess()) {
                    problems.add(problem(field, label, "policy.notUnaryTest", locale));
                }
            } else if (!text.isEmpty()) {
                String wrong = outputProblem(text, columns.get(c).type());
                if (wrong != null) {
                    problems.add(problem(field, label, wrong, locale,
                            messages.getMessage("policy.type." + columns.get(c).type(), null, columns.get(c).type(),
                                    locale)));
                }
            }
        }
        return out;
    }

    /**
     * An output cell is a FEEL literal expression the engine evaluates to the column's type; the tables hold values,
     * so it is evaluated here without variables and its type checked.
     */
    private String outputProblem(String text, String type) {
        ParseResult parsed = feel.parseExpression(text);
        if (!parsed.isSuccess()) {
            return "policy.notExpression";
        }
        EvaluationResult value = feel.evaluate(parsed.parsedExpression(), Map.<String, Object>of());
        if (!value.isSuccess() || value.hasSuppressedFailures()) {
            return "policy.notValue";
        }
        Object v = value.result();
        boolean fits = switch (type == null ? "string" : type) {
            case "boolean" -> v instanceof Boolean;
            case "integer", "long" -> v instanceof Number n && new java.math.BigDecimal(n.toString()).stripTrailingZeros()
                    .scale() <= 0;
            case "double" -> v instanceof Number;
            default -> v instanceof String;
        };
        return v == null || fits ? null : "policy.wrongType";
    }

    private String ruleLabel(int rule, String column, Locale locale) {
        return column == null ? messages.getMessage("policy.label.rule", new Object[] {rule + 1}, locale)
                : messages.getMessage("policy.label.cell", new Object[] {rule + 1, column}, locale);
    }

    private FieldProblem problem(String field, String label, String code, Locale locale, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = label;
        System.arraycopy(more, 0, args, 1, more.length);
        return new FieldProblem(field, label, code, messages.getMessage(code, args, locale));
    }

    private LocalDate effectiveDate(List<FieldProblem> problems, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, "effectiveDate", "policy.label.effectiveDate",
                    "form.required"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip().length() > 10 ? "x" : value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblems.labelled(messages, locale, "effectiveDate", "policy.label.effectiveDate",
                    "policy.notDate"));
            return null;
        }
        LocalDate today = today();
        if (date.isBefore(today)) {
            problems.add(FieldProblems.labelled(messages, locale, "effectiveDate", "policy.label.effectiveDate",
                    "policy.effectivePast"));
            return null;
        }
        if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            problems.add(FieldProblems.labelled(messages, locale, "effectiveDate", "policy.label.effectiveDate",
                    "policy.effectiveTooFar", MAX_YEARS_AHEAD));
            return null;
        }
        return date;
    }

    private String required(List<FieldProblem> problems, String field, String value, int max, Locale locale) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblems.labelled(messages, locale, field, "policy.label." + field, "form.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(FieldProblems.labelled(messages, locale, field, "policy.label." + field, "form.tooLong", max));
            return null;
        }
        return value.strip();
    }

    private String knownDecision(String key) {
        if (key == null || !PolicyCatalogue.DECISIONS.contains(key)) {
            throw ApiException.notFound("policy.noDecision");
        }
        return key;
    }

    private PolicyMapper.ChangeRow row(String id, boolean lock) {
        long value;
        try {
            value = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("policy.noChange");
        }
        PolicyMapper.ChangeRow row = lock ? mapper.lockById(value) : mapper.byId(value);
        if (row == null) {
            throw ApiException.notFound("policy.noChange");
        }
        return row;
    }

    // ---- the tables ----

    /** The version a new proposal builds on: the approved version effective last, else the application's. */
    private DecisionDefinition base(String key) {
        List<PolicyVersions.Resolved> approved = PolicyVersions.approvedVersions(repository, key);
        String id = approved.isEmpty()
                ? PolicyVersions.released(repository, null, key,
                        repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).list(),
                        PolicyVersions.policyDeployments(repository)).decisionDefinitionId()
                : approved.get(approved.size() - 1).decisionDefinitionId();
        return repository.getDecisionDefinition(id);
    }

    private Table table(DecisionDefinition definition, Locale locale) {
        DmnModelInstance model = model(definition);
        DecisionTable table = decisionTable(model, definition.getKey());
        List<Column> inputs = table.getInputs().stream().map(i -> new Column(cn.zs.civil.forms.BilingualLabel.in(i.getLabel(), locale),
                i.getInputExpression().getTypeRef())).toList();
        List<Column> outputs = table.getOutputs().stream().map(o -> new Column(cn.zs.civil.forms.BilingualLabel.in(o.getLabel(), locale), o.getTypeRef()))
                .toList();
        List<RuleView> rules = table.getRules().stream().map(r -> new RuleView(
                r.getDescription() == null ? "" : r.getDescription().getTextContent().strip(),
                r.getInputEntries().stream().map(e -> text(e.getText())).toList(),
                r.getOutputEntries().stream().map(e -> text(e.getText())).toList())).toList();
        PolicyVersions.Resolved resolved = PolicyVersions.byVersion(repository, definition.getKey(),
                definition.getVersion()).orElseThrow();
        return new Table(definition.getKey(), decisionName(definition.getKey(), locale), definition.getVersion(),
                resolved.effectiveFrom(), effectiveText(resolved, locale),
                messages.getMessage("policy.hitPolicy." + table.getHitPolicy().name(), null,
                        table.getHitPolicy().name(), locale), inputs, outputs, rules);
    }

    /**
     * The base table with its rules replaced, parsed by the engine's DMN engine before it is kept; the columns,
     * the hit policy and everything else stay as they were.
     */
    private String dmn(DecisionDefinition base, List<RuleView> rules, LocalDate effective, long changeId,
            Locale locale) {
        String xml = withRules(model(base), base.getKey(), rules, effective, changeId);
        try {
            // The engine's own DMN engine, as a deployment parses the table (inside a command: its parsers need the
            // engine's context).
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration();
            DmnEngine dmnEngine = configuration.getDmnEngine();
            configuration.getCommandExecutorTxRequired().execute(context -> dmnEngine.parseDecisionRequirementsGraph(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            log.warn("A proposed {} table does not parse: {}", base.getKey(), e.getMessage());
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblems.labelled(messages, locale,
                    "rules", "policy.label.rules", "policy.tableInvalid")), "problem.validation");
        }
        return xml;
    }

    /**
     * The table with its rules replaced and the effective date as the decision's versionTag; the columns, the hit
     * policy and everything else stay as they were.
     */
    static String withRules(DmnModelInstance model, String key, List<RuleView> rules, LocalDate effective,
            long changeId) {
        DecisionTable table = decisionTable(model, key);
        new ArrayList<>(table.getRules()).forEach(table::removeChildElement);
        int n = 0;
        for (RuleView view : rules) {
            Rule rule = model.newInstance(Rule.class);
            rule.setId("Rule_Policy" + changeId + "_" + (++n));
            if (!view.description().isEmpty()) {
                Description description = model.newInstance(Description.class);
                description.setTextContent(view.description());
                rule.setDescription(description);
            }
            int c = 0;
            for (String entry : view.inputs()) {
                InputEntry e = model.newInstance(InputEntry.class);
                e.setId(rule.getId() + "_In" + (++c));
                e.setText(text(model, entry.equals("-") ? "" : entry));
                rule.getInputEntries().add(e);
            }
            c = 0;
            for (String entry : view.outputs()) {
                OutputEntry e = model.newInstance(OutputEntry.class);
                e.setId(rule.getId() + "_Out" + (++c));
                e.setText(text(model, entry));
                rule.getOutputEntries().add(e);
            }
            table.getRules().add(rule);
        }
        Decision decision = model.getModelElementById(key);
        decision.setVersionTag(effective.toString());
        return Dmn.convertToString(model);
    }

    private DmnModelInstance model(DecisionDefinition definition) {
        try (InputStream in = repository.getDecisionModel(definition.getId())) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DecisionTable decisionTable(DmnModelInstance model, String key) {
        Decision decision = model.getModelElementById(key);
        return (DecisionTable) decision.getExpression();
    }

    private static Text text(DmnModelInstance model, String value) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(value);
        return text;
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
    }

    // ---- views ----

    private ChangeView view(PolicyMapper.ChangeRow r, PlatformUser user, Locale locale, boolean withRules) {
        boolean mayDecide = Status.PROPOSED.name().equals(r.status()) && !r.proposedBy().equals(user.id());
        boolean parameter = PolicyParameterValues.KIND.equals(r.kind());
        return new ChangeView(r.id(), parameter ? PolicyParameterValues.KIND : "DECISION", r.decisionKey(),
                parameter ? parameters.label(r.decisionKey(), locale) : decisionName(r.decisionKey(), locale),
                r.status(), messages.getMessage("policy.status." + r.status(), null, r.status(), locale),
                r.baseVersion(), r.reason(), r.effectiveDate(), identity.displayName(r.proposedBy()), r.proposedAt(),
                r.decidedBy() == null ? null : identity.displayName(r.decidedBy()), r.decidedAt(), r.decisionReason(),
                r.decisionVersion(), mayDecide, withRules && !parameter ? read(r.rulesJson()) : null,
                r.parameterValue(),
                parameter ? parameters.valueText(r.decisionKey(), r.parameterValue(), locale) : null);
    }

    private VersionView version(PolicyVersions.Resolved r, Locale locale) {
        return new VersionView(r.version(), r.effectiveFrom(), effectiveText(r, locale));
    }

    private String effectiveText(PolicyVersions.Resolved r, Locale locale) {
        return effectiveText(r.effectiveFrom(), locale);
    }

    private String effectiveText(LocalDate effectiveFrom, Locale locale) {
        return effectiveFrom == null ? messages.getMessage("policy.withRelease", null, locale)
                : messages.getMessage("policy.effectiveFrom", new Object[] {effectiveFrom.toString()}, locale);
    }

    String decisionName(String key, Locale locale) {
        return messages.getMessage("policy.decision." + key, null, key, locale);
    }

    private String write(List<RuleView> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleView> read(String rules) {
        try {
            return json.readValue(rules, new TypeReference<List<RuleView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate today() {
        return BusinessTime.now().toLocalDate();
    }
}
