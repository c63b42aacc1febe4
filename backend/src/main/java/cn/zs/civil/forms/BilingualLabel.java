package cn.zs.civil.forms;

import java.util.Locale;

/** A model's label written in both languages, Chinese first ("审批机关 Approver"), as the process models write them. */
public final class BilingualLabel {

    private BilingualLabel() {
    }

    /** "审批机关 Approver" → {审批机关, Approver}; a label in one language serves both. */
    public static String[] split(String label) {
        String text = label == null ? "" : label.strip();
        int latin = 0;
        while (latin < text.length() && !(text.charAt(latin) < 128 && Character.isLetter(text.charAt(latin)))) {
            latin++;
        }
        String zh = text.substring(0, latin).strip();
        String en = text.substring(latin).strip();
        if (zh.isEmpty() || en.isEmpty()) {
            return new String[] {text, text};
        }
        return new String[] {zh, en};
    }

    /** The label in the reader's language. */
    public static String in(String label, Locale locale) {
        return split(label)[locale != null && "en".equals(locale.getLanguage()) ? 1 : 0];
    }
}
