package cn.zs.civil.worklist;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;

/** For a {@link TaskCompletionCheck}: the process a task belongs to and what the applicant's form says. */
@Component
public class TaskCases {

    private final RepositoryService repository;
    private final ApplicationService applications;

    TaskCases(RepositoryService repository, ApplicationService applications) {
        this.repository = repository;
        this.applications = applications;
    }

    /** The key of the task's process (from the engine's deployment cache). */
    public String processKey(Task task) {
        return repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    /** The application's form values, opened through their owner from the row the worklist already read. */
    public Map<String, Object> applicationData(ApplicationRow application) {
        return applications.formData(application);
    }
}
