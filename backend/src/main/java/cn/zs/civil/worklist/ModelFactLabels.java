package cn.zs.civil.worklist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.stereotype.Component;

/**
 * The model's own words for the facts of a case, in Chinese and English, read from what is deployed with its process
 * and kept per deployment: the labels the decision tables give their inputs and outputs ("审批机关 Approver": Chinese
 * first, then English from the first Latin letter), and the labels and option labels of every form field (a fact an
 * earlier step's form recorded, e.g. the expert review's conclusion, labelled as that form labels it).
 */
@Component
class ModelFactLabels {

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final RepositoryService repository;
    private final cn.zs.civil.forms.FormDefinitions forms;
    private final Map<String, Map<String, String[]>> byDeployment = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String[]>> optionsByDeployment = new ConcurrentHashMap<>();

    ModelFactLabels(RepositoryService repository, cn.zs.civil.forms.FormDefinitions forms) {
        this.repository = repository;
        this.forms = forms;
    }

    /** "field.value" → the option's label in the reader's language, for every form deployed with the process. */
    Map<String, String> options(String processDefinitionId, Locale locale) {
        return inLanguage(optionsByDeployment, this::readOptions, processDefinitionId, locale);
    }

    /** One deployment's words (kept per deployment: it never changes), each in the reader's language. */
    private Map<String, String> inLanguage(Map<String, Map<String, String[]>> cache,
            java.util.function.Function<String, Map<String, String[]>> read, String processDefinitionId, Locale locale) {
        String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        int language = "en".equals(locale.getLanguage()) ? 1 : 0;
        Map<String, String> out = new LinkedHashMap<>();
        cache.computeIfAbsent(deploymentId, read).forEach((key, words) -> out.put(key, words[language]));
        return out;
    }

    private Map<String, String[]> readOptions(String deploymentId) {
        Map<String, String[]> options = new LinkedHashMap<>();
        for (cn.zs.civil.forms.FormDefinition form : forms.deployed(deploymentId)) {
            walk(form.fields(), f -> f.options().forEach(o -> options.putIfAbsent(f.key() + "." + o.value(),
                    new String[] {o.label(), f.properties().getOrDefault("en:" + o.value(), o.label())})));
        }
        return options;
    }

    private static void walk(java.util.List<cn.zs.civil.forms.FormField> fields,
            java.util.function.Consumer<cn.zs.civil.forms.FormField> visit) {
        for (cn.zs.civil.forms.FormField f : fields) {
            if (f.key() != null) {
                visit.accept(f);
            }
            walk(f.children(), visit);
        }
    }

    /** Fact name → label in the reader's language: the decision tables' first, then the forms'. */
    Map<String, String> of(String processDefinitionId, Locale locale) {
        return inLanguage(byDeployment, this::read, processDefinitionId, locale);
    }

    private Map<String, String[]> read(String deploymentId) {
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list()) {
            DmnModelInstance model = repository.getDmnModelInstance(d.getId());
            for (Input input : model.getModelElementsByType(Input.class)) {
                String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                        ? null : input.getInputExpression().getText().getTextContent().strip();
                if (expression != null && IDENTIFIER.matcher(expression).matches() && input.getLabel() != null) {
                    labels.putIfAbsent(expression, cn.zs.civil.forms.BilingualLabel.split(input.getLabel()));
                }
            }
            for (Output output : model.getModelElementsByType(Output.class)) {
                if (output.getName() != null && output.getLabel() != null) {
                    labels.putIfAbsent(output.getName(), cn.zs.civil.forms.BilingualLabel.split(output.getLabel()));
                }
            }
        }
        for (cn.zs.civil.forms.FormDefinition form : forms.deployed(deploymentId)) {
            walk(form.fields(), f -> {
                if (f.label() != null && !f.label().isBlank()) {
                    labels.putIfAbsent(f.key(), new String[] {f.label(), f.labelEn() == null ? f.label() : f.labelEn()});
                }
            });
        }
        return labels;
    }
}
