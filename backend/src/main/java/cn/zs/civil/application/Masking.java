package cn.zs.civil.application;

/** Masks personal data where a list or a log does not need it in full. */
public final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***; works on code points so a 4-byte character counts as one. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    /** 440101199001011234 → 4401**********1234. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
