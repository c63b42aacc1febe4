package cn.zs.civil.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.zs.civil.problem.ApiException;

/**
 * The forms a case is worked with, taken from the engine's deployment of the case's own process version
 * ({@code formRefBinding="deployment"}), so the server checks exactly the form the browser shows.
 */
@Service
public class FormDefinitions {

    private final FormService engineForms;
    private final RepositoryService repository;
    private final FormParser parser;
    private final FormValidator validator;
    /** Deployed forms never change: a deployment is immutable, so the cache needs no eviction. */
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();

    FormDefinitions(FormService engineForms, RepositoryService repository, ObjectMapper json, MessageSource messages) {
        this.engineForms = engineForms;
        this.repository = repository;
        this.parser = new FormParser(json);
        this.validator = new FormValidator(messages);
    }

    public FormDefinition startForm(String processDefinitionId) {
        return cache.computeIfAbsent("start:" + processDefinitionId,
                k -> read(engineForms.getDeployedStartForm(processDefinitionId)));
    }

    public FormDefinition taskForm(Task task) {
        return cache.computeIfAbsent("task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(),
                k -> {
                    try {
                        return read(engineForms.getDeployedTaskForm(task.getId()));
                    } catch (NullPointerException completedMeanwhile) {
                        // Camunda 7.24 fails with an NPE, not "not found", when the task was completed (by another
                        // clerk, a timer) since it was read.
                        throw ApiException.notFound("task.notFound");
                    }
                });
    }

    /** Every form deployed with a process (its deployment's .form resources), in the order of their names. */
    public java.util.List<FormDefinition> deployed(String deploymentId) {
        return repository.getDeploymentResourceNames(deploymentId).stream().filter(n -> n.endsWith(".form")).sorted()
                .map(n -> cache.computeIfAbsent("resource:" + deploymentId + ":" + n,
                        k -> read(repository.getResourceAsStream(deploymentId, n))))
                .toList();
    }

    /**
     * The fields of this task's form that another step's form of the same process also asks: an earlier person's
     * answer (the reviewer's decision) is not this person's, so the form must not start with it chosen. The start
     * form's fields (the application) and the step's own earlier answer (the same form again) do not count.
     */
    public Set<String> answeredInOtherSteps(Task task) {
        FormDefinition own = taskForm(task);
        String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        String start = startFormId(task.getProcessDefinitionId());
        Set<String> elsewhere = new HashSet<>();
        for (FormDefinition other : deployed(deploymentId)) {
            if (!Objects.equals(other.id(), own.id()) && !Objects.equals(other.id(), start)) {
                other.valueFields().forEach(f -> elsewhere.add(f.key()));
            }
        }
        Set<String> out = new TreeSet<>();
        own.valueFields().stream().map(FormField::key).filter(elsewhere::contains).forEach(out::add);
        return out;
    }

    /** The start form's id, or null for a process started by the platform itself (the rating's work order). */
    private String startFormId(String processDefinitionId) {
        try {
            return startForm(processDefinitionId).id();
        } catch (ProcessEngineException | NullPointerException noStartForm) {
            return null;
        }
    }

    public ValidatedForm validate(FormDefinition form, Map<String, Object> input, Locale locale) {
        return validator.validate(form, input, locale);
    }

    /** The schema for the reader: Chinese labels as deployed, or the English ones from each field's properties. */
    public JsonNode localized(FormDefinition form, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return form.schema();
        }
        JsonNode copy = form.schema().deepCopy();
        english(copy.path("components"));
        return copy;
    }

    private static void english(JsonNode components) {
        for (JsonNode c : components) {
            JsonNode properties = c.path("properties");
            ObjectNode component = (ObjectNode) c;
            if (properties.hasNonNull("en")) {
                component.put("label", properties.path("en").asText());
            }
            if (properties.hasNonNull("en:text") && c.has("text")) {
                component.put("text", properties.path("en:text").asText());
            }
            for (JsonNode option : c.path("values")) {
                String en = properties.path("en:" + option.path("value").asText()).asText(null);
                if (en != null) {
                    ((ObjectNode) option).put("label", en);
                }
            }
            english(c.path("components"));
        }
    }

    private FormDefinition read(InputStream in) {
        try (InputStream stream = in) {
            return parser.parse(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
