package cn.zs.civil.appointment;

/** Valid resident ID numbers for tests (check digit computed), born 1995 in Zhongshan. */
final class Ids {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private Ids() {
    }

    /** The n-th (0 ≤ n < 1000) ID number of a day in 1995 numbered by {@code day} (1 to 28 in January). */
    static String of(int day, int n) {
        String first = String.format("442000199501%02d%03d", day, n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first.charAt(i) - '0') * WEIGHTS[i];
        }
        return first + CHECK[sum % 11];
    }
}
