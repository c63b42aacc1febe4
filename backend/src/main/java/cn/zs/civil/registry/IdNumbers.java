package cn.zs.civil.registry;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The resident identity number (GB 11643-1999): 18 characters with an ISO 7064 MOD 11-2 check digit. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {
    }

    public static boolean valid(String id) {
        if (id == null || !id.matches("\\d{17}[0-9Xx]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(id.charAt(17)) != CHECK[sum % 11]) {
            return false;
        }
        try {
            return birthDate(id) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }
}
