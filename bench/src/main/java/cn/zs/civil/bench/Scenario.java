package cn.zs.civil.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service driven to the end of each case, twice: over the platform's HTTP API and straight into a bare engine.
 * A new service is one more implementation registered in {@link Scenarios}.
 */
interface Scenario {

    String DISTRICTS[] = {"shiqi", "dongqu", "xiqu", "nanqu", "wuguishan", "zhongshangang", "minzhong", "nanlang",
            "xiaolan", "guzhen", "tanzhou", "huangpu", "sanxiang", "dongfeng", "nantou", "shaxi", "henglan",
            "sanjiao", "gangkou", "dayong", "banfu", "shenwan", "fusha"};

    /** Short name on the command line and in the results, e.g. {@code marriage}. */
    String name();

    /** The catalogue's service code (platform) and the BPMN process key (engine). */
    String serviceCode();

    String processKey();

    /** Models deployed into the bare engine, relative to {@code processes/}. */
    List<String> models();

    /** The account that submits: the applicant, or the counter clerk who checks the parties in. */
    String submitter();

    /** Whether clerks work the scenario's queue; false when every step is automated. */
    boolean hasClerkSteps();

    /**
     * The i-th clerk: one account per virtual clerk ({@link Accounts}), since two sessions of one account share its
     * claimed tasks; its queue is {@link #candidateGroup(int)}.
     */
    default String clerk(int i) {
        return Accounts.clerk(candidateGroup(i), i);
    }

    /** The candidate group of the scenario's user tasks (the bare engine's clerks query it). */
    String candidateGroup();

    /** The queue of the i-th clerk, where the scenario's tasks go to more than one group. */
    default String candidateGroup(int i) {
        return candidateGroup();
    }

    /** The application for the n-th case, as the submitter sends it; may upload its attachments first. */
    Map<String, Object> application(long n, Client client);

    /** The form values with which a clerk completes a task of this scenario. */
    Map<String, Object> taskForm(String taskKey, String clerk);

    /** Engine variables a completed task carries (the form fields marked as process variables). */
    Map<String, Object> taskVariables(String taskKey, String clerk);

    /**
     * Whether the clerk at this task returns the case ({@code caseRef}: application number or business key) to the
     * applicant with the one-time correction notice instead of completing the task.
     */
    default boolean returnsForCorrections(String taskKey, String caseRef) {
        return false;
    }

    /** The correction notice (POST /api/tasks/{id}/corrections): every missing item and a note. */
    default Map<String, Object> correctionNotice() {
        throw new UnsupportedOperationException(name() + " has no correction notice");
    }

    /** The applicant's correction: the changed fields (POST /api/applications/{no}/corrections), uploads first. */
    default Map<String, Object> correction(Client client) {
        throw new UnsupportedOperationException(name() + " has no correction");
    }

    /** Variables each trivial delegate of the bare engine sets, by bean name: what the gateways need. */
    Map<String, Map<String, Object>> delegateFacts();

    /**
     * The variables the platform puts on a new case (ApplicationService.submit), for the bare engine's start: a
     * counter service decided the same day; a scenario with a catalogue entry of its own overrides this.
     */
    default Map<String, Object> startVariables(long n, String applicationNo) {
        Map<String, Object> v = new HashMap<>();
        v.put("applicationNo", applicationNo);
        v.put("serviceCode", serviceCode());
        v.put("district", DISTRICTS[(int) (n % DISTRICTS.length)]);
        v.put("channel", "COUNTER");
        v.put("receivedAt", new Date());
        v.put("statutoryLimitDays", 0);
        v.put("promisedLimitDays", 0);
        v.put("correctionPeriod", "P5D");
        return v;
    }
}
