package cn.zs.civil.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The date of a form's date field as validated values carry it ({@code yyyy-MM-dd}). */
public final class FormDates {

    private FormDates() {
    }

    /** The date, or null when the value is absent or no date (the form has reported that already). */
    public static LocalDate of(Object value) {
        if (!(value instanceof String text) || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
