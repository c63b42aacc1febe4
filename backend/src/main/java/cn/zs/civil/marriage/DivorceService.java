package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.forms.FormDefinitions;
import cn.zs.civil.forms.FormField;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblems;

/**
 * The counter steps of a divorce that are not tasks: a withdrawal by either party alone during the cooling-off
 * period, and both parties appearing in person to apply for the certificate in the window after it (Civil Code
 * Art. 1077). The registrar records them; each party is identified by the ID number on the case.
 */
@Service
public class DivorceService {

    static final String FIELD_DISTRICT = "district";

    private final ApplicationService applications;
    private final RuntimeService runtime;
    private final CaseLog log;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final FormDefinitions forms;
    private final RegistrarQualifications qualifications;

    DivorceService(ApplicationService applications, RuntimeService runtime, CaseLog log, TransactionTemplate tx,
            MessageSource messages, FormDefinitions forms, RegistrarQualifications qualifications) {
        this.qualifications = qualifications;
        this.messages = messages;
        this.forms = forms;
        this.applications = applications;
        this.runtime = runtime;
        this.log = log;
        this.tx = tx;
    }

    /**
     * The two periods of the case as the platform computed them at acceptance (null before acceptance and after the
     * case has ended): what the registrar tells the couple, and what a screen or a walkthrough waits for.
     */
    public record Periods(String applicationNo, java.time.LocalDateTime coolingOffEndsAt, LocalDate coolingOffEndsOn,
            java.time.LocalDateTime certificateWindowEndsAt, LocalDate certificateWindowEndsOn,
            List<Registry> registries, String yourRegistry) {
    }

    /**
     * A registry the counter may name as the one where the couple appear: its town or street, as the application
     * form names it in the reader's language.
     */
    public record Registry(String code, String name) {
    }

    public Periods periods(PlatformUser user, String applicationNo) {
        ApplicationRow row = applications.readable(user, applicationNo);
        if (!DIVORCE_SERVICE.equals(row.serviceCode())) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        Map<String, Object> periods = variables(applicationNo, VAR_COOLING_OFF_ENDS_AT, VAR_CERTIFICATE_WINDOW_ENDS_AT);
        Date coolingOffEnds = (Date) periods.get(VAR_COOLING_OFF_ENDS_AT);
        Date windowEnds = (Date) periods.get(VAR_CERTIFICATE_WINDOW_ENDS_AT);
        boolean staff = applications.staffMaySee(user, row);
        return new Periods(applicationNo, BusinessTime.of(coolingOffEnds),
                coolingOffEnds == null ? null : day(coolingOffEnds), BusinessTime.of(windowEnds),
                windowEnds == null ? null : day(windowEnds), staff ? registries(row) : List.of(),
                staff ? ownRegistry(user) : null);
    }

    /** The registries the application form offers (its district field), in the reader's language. */
    private List<Registry> registries(ApplicationRow row) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return districtField(row).map(f -> f.options().stream().map(o -> new Registry(o.value(),
                english ? f.properties().getOrDefault("en:" + o.value(), o.label()) : o.label())).toList())
                .orElse(List.of());
    }

    private java.util.Optional<FormField> districtField(ApplicationRow row) {
        return forms.startForm(row.processDefinitionId()).fields().stream()
                .filter(f -> FIELD_DISTRICT.equals(f.key())).findFirst();
    }

    /** The registrar's own registry: the one district of an account bound to one; none for city-wide accounts. */
    private static String ownRegistry(PlatformUser registrar) {
        return !registrar.allDistricts() && registrar.districts().size() == 1
                ? registrar.districts().iterator().next() : null;
    }

    /**
     * Brief §1(c-2) step 4, 民发〔2020〕116号: the certificate is applied for at the registry that accepted the
     * application (原受理婚姻登记机关), the case's registry. The registrar names the registry where the couple
     * appear; an account bound to one registry is at that one, and one that may work every registry (districts
     * {@code *}) must name it: seeing every case does not make every counter the accepting one.
     */
    private void requireAcceptingRegistry(PlatformUser registrar, ApplicationRow row, String district) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        String here = district == null || district.isBlank() ? ownRegistry(registrar) : district.strip();
        String code;
        Object[] args;
        if (here == null) {
            code = "divorce.registryRequired";
            args = new Object[0];
        } else if (!registrar.seesDistrict(here)) {
            code = "divorce.notYourRegistry";
            args = new Object[] {registryName(row, here)};
        } else if (!here.equals(row.district())) {
            code = "divorce.notTheAcceptingRegistry";
            args = new Object[] {registryName(row, row.district()), registryName(row, here)};
        } else {
            return;
        }
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblems.of(messages, locale,
                FIELD_DISTRICT, "divorce.label.district", code, args)), code);
    }

    private String registryName(ApplicationRow row, String code) {
        return registries(row).stream().filter(r -> r.code().equals(code)).map(Registry::name).findFirst()
                .orElse(code);
    }

    /**
     * The last day of the cooling-off period of a running divorce (the day either party may still withdraw), as the
     * platform computed it at acceptance: what the acceptance receipt tells the couple; empty once the case has ended.
     */
    public java.util.Optional<LocalDate> coolingOffEndsOn(String applicationNo) {
        return java.util.Optional.ofNullable((Date) variable(applicationNo, VAR_COOLING_OFF_ENDS_AT))
                .map(DivorceService::day);
    }

    public void withdraw(PlatformUser registrar, String applicationNo, String party, String idNumber) {
        ApplicationRow row = divorceCase(registrar, applicationNo);
        requireParty(row, party, idNumber, "idNumber");
        Date coolingOffEnds = (Date) variable(applicationNo, VAR_COOLING_OFF_ENDS_AT);
        // The law's deadline, not the timer's: a job executor running late must not let a late withdrawal through.
        if (coolingOffEnds != null && BusinessTime.now().isAfter(BusinessTime.of(coolingOffEnds))) {
            throw ApiException.conflict("divorce.coolingOffOver", day(coolingOffEnds));
        }
        tx.executeWithoutResult(s -> {
            log.byUser(applicationNo, CaseEventType.WITHDRAWN, registrar, null, "WITHDRAWN", Map.of("party", party));
            try {
                runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(applicationNo)
                        .setVariable(VAR_WITHDRAWN_BY_PARTY, party).correlate();
            } catch (MismatchingMessageCorrelationException e) {
                throw coolingOffEnds == null ? ApiException.conflict("divorce.notInCoolingOff")
                        : ApiException.conflict("divorce.coolingOffOver", day(coolingOffEnds));
            }
        });
    }

    public void bothAppeared(PlatformUser registrar, String applicationNo, String idNumberA, String idNumberB,
            String district) {
        ApplicationRow row = divorceCase(registrar, applicationNo);
        requireAcceptingRegistry(registrar, row, district);
        requireParty(row, "A", idNumberA, "idNumberA");
        requireParty(row, "B", idNumberB, "idNumberB");
        RegistrarQualifications.Qualification qualification = qualifications.require(registrar);
        Map<String, Object> periods = variables(applicationNo, VAR_COOLING_OFF_ENDS_AT, VAR_CERTIFICATE_WINDOW_ENDS_AT);
        Date coolingOffEnds = (Date) periods.get(VAR_COOLING_OFF_ENDS_AT);
        Date windowEnds = (Date) periods.get(VAR_CERTIFICATE_WINDOW_ENDS_AT);
        if (windowEnds != null && BusinessTime.now().isAfter(BusinessTime.of(windowEnds))) {
            throw ApiException.conflict("divorce.windowOver", day(windowEnds));
        }
        tx.executeWithoutResult(s -> {
            log.byUser(applicationNo, CaseEventType.BOTH_APPEARED, registrar, null, null,
                    Map.of("registry", row.district()));
            qualifications.recordActed(applicationNo, registrar, qualification, null);
            try {
                runtime.createMessageCorrelation(MESSAGE_BOTH_APPEARED).processInstanceBusinessKey(applicationNo)
                        .setVariable(VAR_APPEARED_AT, BusinessTime.toDate(BusinessTime.now())).correlate();
            } catch (MismatchingMessageCorrelationException e) {
                if (coolingOffEnds != null && BusinessTime.now().isBefore(BusinessTime.of(coolingOffEnds))) {
                    throw ApiException.conflict("divorce.premature", day(coolingOffEnds));
                }
                throw ApiException.conflict("divorce.notAwaitingAppearance");
            }
        });
    }

    private ApplicationRow divorceCase(PlatformUser registrar, String applicationNo) {
        ApplicationRow row = applications.readable(registrar, applicationNo);
        if (!DIVORCE_SERVICE.equals(row.serviceCode()) || !applications.staffMaySee(registrar, row)) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        return row;
    }

    /** The person at the counter must be the party on the case: no agent at any step. */
    private void requireParty(ApplicationRow row, String party, String idNumber, String field) {
        // Labelled and worded in the reader's language: the counter shows them under the fields.
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (party == null || !List.of(PARTIES).contains(party)) {
            String label = messages.getMessage("divorce.label.party", null, locale);
            throw ApiException.invalid(List.of(
                    FieldProblems.of(messages, locale, "party", "divorce.label.party", "form.notOption", label)));
        }
        Object expected = applications.formData(row).get(idField(party));
        if (idNumber == null || !idNumber.equalsIgnoreCase(String.valueOf(expected))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.of(FieldProblems.of(messages, locale, field,
                    "divorce.label." + field, "divorce.notTheParty")), "divorce.notTheParty");
        }
    }

    /** Several variables of the running case in one look-up of its instance (none once it has ended). */
    private Map<String, Object> variables(String applicationNo, String... names) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult();
        return instance == null ? Map.of() : runtime.getVariables(instance.getId(), List.of(names));
    }

    private Object variable(String applicationNo, String name) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult();
        return instance == null ? null : runtime.getVariable(instance.getId(), name);
    }

    private static LocalDate day(Date date) {
        return BusinessTime.of(date).toLocalDate();
    }
}
