package cn.zs.civil.marriage;

/** Valid resident ID numbers for the marriage tests (check digit computed), born 1993 in Zhongshan. */
final class PartyIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private PartyIds() {
    }

    /** The n-th (0 ≤ n < 500) man or woman born on a day (1 to 28) of March 1993. */
    static String of(int day, int n, boolean man) {
        String first = String.format("442000199303%02d%03d", day, 2 * n + (man ? 1 : 0));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first.charAt(i) - '0') * WEIGHTS[i];
        }
        return first + CHECK[sum % 11];
    }
}
