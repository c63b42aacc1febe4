package cn.zs.civil.marriage;

import java.util.regex.Pattern;

/**
 * The identity documents a party of a marriage or divorce may present (brief §1(d); 2025 Regulations Art. 15:
 * Hong Kong, Macao and Taiwan residents show their travel or residence permit, overseas Chinese and foreigners a
 * passport or a foreigner's permanent residence ID), each with the form of its number. Only a mainland resident's
 * identity card is checked against the public-security and marriage databases; every other party's identity and
 * marital status are checked by hand.
 */
enum PartyDocument {

    RESIDENT_ID("^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$"),
    /** 港澳台居民居住证: a resident-ID-like number whose first digits are 810000, 820000 or 830000. */
    HMT_RESIDENCE_PERMIT("^8[123]0000(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$"),
    /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao), 8 digits, 2 more on older permits. */
    HK_MACAO_PERMIT("^[HMhm]\\d{8}(\\d{2})?$"),
    /** 台湾居民来往大陆通行证: 8 digits (10 characters on older permits). */
    TAIWAN_PERMIT("^\\d{8}([0-9A-Za-z]{2})?$"),
    /** 中华人民共和国护照 of an overseas Chinese: E and 8 characters (G on older passports). */
    OVERSEAS_CHINESE_PASSPORT("^[EeGg][A-Za-z0-9]\\d{7}$"),
    FOREIGN_PASSPORT("^[A-Za-z0-9]{5,20}$"),
    /** 外国人永久居留身份证: 3 letters and 12 digits, or since 2023 18 characters beginning with 9. */
    FOREIGN_PERMANENT_RESIDENCE("^([A-Za-z]{3}\\d{12}|9\\d{16}[0-9Xx])$");

    private final Pattern number;

    PartyDocument(String number) {
        this.number = Pattern.compile(number);
    }

    /** The document a form value names; none chosen is the resident identity card. */
    static PartyDocument of(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            for (PartyDocument d : values()) {
                if (d.name().equals(s)) {
                    return d;
                }
            }
        }
        return RESIDENT_ID;
    }

    boolean mainland() {
        return this == RESIDENT_ID;
    }

    boolean matches(String documentNumber) {
        return documentNumber != null && number.matcher(documentNumber).matches();
    }
}
