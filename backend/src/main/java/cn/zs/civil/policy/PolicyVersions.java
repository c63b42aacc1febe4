package cn.zs.civil.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Which version of a decision table is in force on a day: the newest table the platform deployed on approval whose
 * effective date (its versionTag) is on or before the day, otherwise the version deployed with the application (the
 * jar's, which the case's own process deployment carries). Engine API only: used by the start listener of every
 * process, by the Java evaluations and by the administrators' screens.
 */
public final class PolicyVersions {

    /** The source of the deployments the platform makes on approval (the jar's auto-deployment has another). */
    public static final String DEPLOYMENT_SOURCE = "policy";
    /** Prefix of the case variable holding a decision's version: {@code policyVersion.funeral-total-cap}. */
    public static final String VARIABLE_PREFIX = "policyVersion.";

    private PolicyVersions() {
    }

    /** A decision version and the day it took effect ({@code null}: deployed with the application). */
    public record Resolved(String decisionKey, String decisionDefinitionId, int version, LocalDate effectiveFrom) {
    }

    public static String variable(String decisionKey) {
        return VARIABLE_PREFIX + decisionKey;
    }

    /**
     * @param processDeploymentId the deployment of the case's process (its jar version), or {@code null} for the
     *        newest version deployed with the application
     */
    public static Resolved inForce(RepositoryService repository, String processDeploymentId, String decisionKey,
            LocalDate day) {
        return inForce(repository, policyDeployments(repository), processDeploymentId, decisionKey, day);
    }

    /** The same, with the platform's deployments read once for several decisions (a process start). */
    static Resolved inForce(RepositoryService repository, Set<String> policyDeployments, String processDeploymentId,
            String decisionKey, LocalDate day) {
        if (policyDeployments.isEmpty() && processDeploymentId != null) {
            DecisionDefinition own = repository.createDecisionDefinitionQuery().deploymentId(processDeploymentId)
                    .decisionDefinitionKey(decisionKey).singleResult();
            if (own != null) {
                return new Resolved(decisionKey, own.getId(), own.getVersion(), null);
            }
        }
        List<DecisionDefinition> all = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .list();
        Optional<Resolved> approved = all.stream().filter(d -> policyDeployments.contains(d.getDeploymentId()))
                .map(PolicyVersions::resolved).filter(r -> r.effectiveFrom() != null && !r.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Resolved::effectiveFrom).thenComparing(Resolved::version));
        if (approved.isPresent()) {
            return approved.get();
        }
        return released(repository, processDeploymentId, decisionKey, all, policyDeployments);
    }

    /** The version deployed with the application: in the case's process deployment, else the newest such one. */
    static Resolved released(RepositoryService repository, String processDeploymentId, String decisionKey,
            List<DecisionDefinition> all, Set<String> policyDeployments) {
        if (processDeploymentId != null) {
            DecisionDefinition own = repository.createDecisionDefinitionQuery().deploymentId(processDeploymentId)
                    .decisionDefinitionKey(decisionKey).singleResult();
            if (own != null) {
                return new Resolved(decisionKey, own.getId(), own.getVersion(), null);
            }
        }
        DecisionDefinition newest = all.stream().filter(d -> !policyDeployments.contains(d.getDeploymentId()))
                .max(Comparator.comparingInt(DecisionDefinition::getVersion))
                .orElseThrow(() -> new IllegalStateException("No decision table " + decisionKey + " is deployed"));
        return new Resolved(decisionKey, newest.getId(), newest.getVersion(), null);
    }

    /** Every version the platform deployed on approval, effective date first. */
    static List<Resolved> approvedVersions(RepositoryService repository, String decisionKey) {
        Set<String> policyDeployments = policyDeployments(repository);
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).list().stream()
                .filter(d -> policyDeployments.contains(d.getDeploymentId())).map(PolicyVersions::resolved)
                .filter(r -> r.effectiveFrom() != null)
                .sorted(Comparator.comparing(Resolved::effectiveFrom).thenComparing(Resolved::version)).toList();
    }

    /** A version by number, with its effective date when the platform deployed it. */
    public static Optional<Resolved> byVersion(RepositoryService repository, String decisionKey, int version) {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .decisionDefinitionVersion(version).singleResult();
        if (d == null) {
            return Optional.empty();
        }
        Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
        boolean platform = deployment != null && DEPLOYMENT_SOURCE.equals(deployment.getSource());
        return Optional.of(platform ? resolved(d) : new Resolved(decisionKey, d.getId(), d.getVersion(), null));
    }

    /**
     * The decision a case evaluates: the version recorded when it was accepted, or (a case accepted before versions
     * were recorded) the one deployed with its process.
     */
    public static DecisionDefinition forCase(RepositoryService repository, VariableScope execution,
            String processDefinitionId, String decisionKey) {
        Object recorded = execution.getVariable(variable(decisionKey));
        if (recorded instanceof Number version) {
            DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                    .decisionDefinitionVersion(version.intValue()).singleResult();
            if (d != null) {
                return d;
            }
        }
        String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        return repository.createDecisionDefinitionQuery().deploymentId(deploymentId).decisionDefinitionKey(decisionKey)
                .singleResult();
    }

    static Set<String> policyDeployments(RepositoryService repository) {
        return repository.createDeploymentQuery().deploymentSource(DEPLOYMENT_SOURCE).list().stream()
                .map(Deployment::getId).collect(Collectors.toSet());
    }

    private static Resolved resolved(DecisionDefinition d) {
        return new Resolved(d.getKey(), d.getId(), d.getVersion(), effectiveDate(d.getVersionTag()));
    }

    static LocalDate effectiveDate(String versionTag) {
        if (versionTag == null) {
            return null;
        }
        try {
            return LocalDate.parse(versionTag);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
