package cn.zs.civil.application;

import cn.zs.civil.protection.DataCipher;

/**
 * The subject's name ({@code application.subject_name}: the deceased, the couple, the organisation) sealed with the
 * form data's keys, bound to its case and column, so the table holds no name in plain text.
 */
final class SubjectNames {

    private SubjectNames() {
    }

    static String context(String applicationNo) {
        return applicationNo + "/subject_name";
    }

    static String seal(DataCipher cipher, String applicationNo, String name) {
        return name == null ? null : cipher.seal(name, context(applicationNo));
    }

    static String open(DataCipher cipher, String applicationNo, String stored) {
        return cipher.open(stored, context(applicationNo));
    }
}
