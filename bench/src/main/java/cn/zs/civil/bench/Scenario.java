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
     * The i-th clerk of the queue: one account per virtual clerk ({@link Accounts}), since two sessions of one
     * account share its claimed tasks.
     */
    default String clerk(int i) {
        return Accounts.clerk(candidateGroup(), i);
    }

    /** The candidate group of the scenario's user tasks (the bare engine's clerks query it). */
    String candidateGroup();

    /** The application for the n-th case, as the submitter sends it; may upload its attachments first. */
    Map<String, Object> application(long n, Client client);

    /** The form values with which a clerk completes a task of this scenario. */
    Map<String, Object> taskForm(String taskKey);

    /** Engine variables a completed task carries (the form fields marked as process variables). */
    Map<String, Object> taskVariables(String taskKey);

    /** Variables each trivial delegate of the bare engine sets, by bean name: what the gateways need. */
    Map<String, Map<String, Object>> delegateFacts();

    /** The variables the platform puts on a new case (ApplicationService.submit), for the bare engine's start. */
    default Map<String, Object> startVariables(long n, String applicationNo, int statutoryDays) {
        Map<String, Object> v = new HashMap<>();
        v.put("applicationNo", applicationNo);
        v.put("serviceCode", serviceCode());
        v.put("district", DISTRICTS[(int) (n % DISTRICTS.length)]);
        v.put("channel", "COUNTER");
        v.put("receivedAt", new Date());
        v.put("statutoryLimitDays", statutoryDays);
        v.put("promisedLimitDays", statutoryDays);
        v.put("correctionPeriod", "P5D");
        return v;
    }
}
