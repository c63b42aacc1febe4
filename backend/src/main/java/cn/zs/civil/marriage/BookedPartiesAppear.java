package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.DIVORCE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.MARRIAGE_SERVICE;
import static cn.zs.civil.marriage.MarriageProcess.idField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.SubmissionCheck;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.appointment.AppointmentService.Appearance;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Domain brief §1(c-1) step 0 and §1(e) 9: a marriage check-in or divorce application that names an appointment is
 * refused at the counter when the booking does not stand for it: no such booking, cancelled, marked a no-show,
 * another day, another business, or people other than the two who appear (each such party on his or her ID field).
 * A walk-in names no appointment and is not checked. A booking that stands is used by the case (not a no-show).
 */
@Component
class BookedPartiesAppear implements SubmissionCheck {

    static final String APPOINTMENT_NO = "appointmentNo";

    private final AppointmentService appointments;
    private final MessageSource messages;

    BookedPartiesAppear(AppointmentService appointments, MessageSource messages) {
        this.appointments = appointments;
        this.messages = messages;
    }

    @Override
    public List<FieldProblem> check(String serviceCode, Map<String, Object> values, Locale locale) {
        if (!MARRIAGE_SERVICE.equals(serviceCode) && !DIVORCE_SERVICE.equals(serviceCode)
                || !(values.get(APPOINTMENT_NO) instanceof String no) || no.isBlank()) {
            return List.of();
        }
        AppointmentService.AppearanceCheck found = appointments.appearance(no, serviceCode,
                text(values.get(idField("A"))), text(values.get(idField("B"))), locale);
        if (found.verdict() == Appearance.MATCHES) {
            return List.of();
        }
        if (found.verdict() != Appearance.OTHER_PARTIES) {
            return List.of(FieldProblems.of(messages, locale, APPOINTMENT_NO, "marriage.label." + APPOINTMENT_NO,
                    "marriage.booking." + found.verdict(), no.strip(),
                    found.bookedDay() == null ? "" : found.bookedDay().toString(), found.bookedServiceName()));
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean[] booked = {found.partyABooked(), found.partyBBooked()};
        for (int i = 0; i < booked.length; i++) {
            String field = idField(i == 0 ? "A" : "B");
            // Both booked but the same number twice: the second is the one who was not booked.
            if (!booked[i] || i == 1 && booked[0] && text(values.get(idField("A"))).equalsIgnoreCase(
                    text(values.get(field)))) {
                problems.add(FieldProblems.of(messages, locale, field, "marriage.label." + field,
                        "marriage.booking.OTHER_PARTIES", no.strip()));
            }
        }
        return problems;
    }

    @Override
    public void submitted(String applicationNo, String serviceCode, Map<String, Object> values) {
        if (matchedBooking(serviceCode, values)) {
            appointments.served(String.valueOf(values.get(APPOINTMENT_NO)).strip());
        }
    }

    /** A submission that passed {@link #check} with an appointment number: its booking matched (R77). */
    @Override
    public boolean matchedBooking(String serviceCode, Map<String, Object> values) {
        return (MARRIAGE_SERVICE.equals(serviceCode) || DIVORCE_SERVICE.equals(serviceCode))
                && values.get(APPOINTMENT_NO) instanceof String no && !no.isBlank();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }
}
