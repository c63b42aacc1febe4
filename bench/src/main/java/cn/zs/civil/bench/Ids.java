package cn.zs.civil.bench;

import java.time.LocalDate;

/**
 * Synthetic residents: valid 18-character identity numbers (GB 11643, MOD 11-2 check digit) from a sequence, and the
 * name the registry stub answers for each, so the platform's identity check passes as it would for a real person.
 */
final class Ids {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final String HAN = "零一二三四五六七八九";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);

    private Ids() {
    }

    /** The n-th synthetic person of a sex, born between 1960 and 2000 (adults of any marriageable age). */
    static String id(long n, boolean male) {
        LocalDate birth = FIRST_BIRTH.plusDays((n / 499) % 14_600);
        int order = (int) (n % 499) * 2 + (male ? 1 : 0);
        String body = "442000" + birth.toString().replace("-", "") + String.format("%03d", order);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    static boolean male(String id) {
        return (id.charAt(16) - '0') % 2 == 1;
    }

    static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /** The registered name of a synthetic person: a surname and the digits of the number in Chinese. */
    static String name(String id) {
        StringBuilder s = new StringBuilder(male(id) ? "林" : "陈");
        for (char c : id.substring(10, 17).toCharArray()) {
            s.append(HAN.charAt(c - '0'));
        }
        return s.toString();
    }

    static String deathCertificate(String id) {
        return "SW" + id.substring(6, 17);
    }
}
