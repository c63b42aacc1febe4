package cn.zs.civil.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Demo citizens of the built-in registry and valid form data for them. */
public final class Fixtures {

    /** Zhongshan hukou, died and cremated in Guangzhou, not waived there: a reimbursement that is paid. */
    public static final String JILIN_ID = "442000194503012129";
    public static final String JILIN_NAME = "𠮷林";
    /** Zhongshan hukou, cremated in Dongguan where the fees were already waived. */
    public static final String ZHOU_ID = "442000195206205156";
    /** Shenzhen hukou: not covered. */
    public static final String LI_ID = "440300195001153174";
    /** Zhongshan hukou, a minimum-allowance family, died in Foshan. */
    public static final String ZHENG_ID = "442000196103033034";
    /** Zhongshan hukou, died in Zhongshan. */
    public static final String HE_ID = "442000195509099194";

    private Fixtures() {
    }

    /** A social group's promoters list (domain brief §2(b)): n individuals, valid ID numbers distinct by seed. */
    public static List<Map<String, Object>> promoters(int n, int seed) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LinkedHashMap<>(Map.of("promoterKind", "INDIVIDUAL", "promoterName", "发起人" + (i + 1),
                    "promoterIdNumber", idNumber(java.time.LocalDate.of(1960, 1, 1).plusDays(seed % 7000), 100 + i))));
        }
        return out;
    }

    /** A valid resident ID number (GB 11643 check digit) of a Zhongshan resident born on that day, the n-th of it. */
    public static String idNumber(java.time.LocalDate birth, int n) {
        String body = "442000" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0,
                0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
    }

    /**
     * A day before the platform's today: the death and the cremation a few weeks before the application, whatever
     * day the tests run on (the funeral date rules and the claim window count from the day of receipt).
     */
    public static String daysAgo(int days) {
        return cn.zs.civil.application.BusinessTime.now().toLocalDate().minusDays(days).toString();
    }

    /** A reimbursement application as the applicant fills it in, with the ids of two uploaded files. */
    public static Map<String, Object> reimbursement(String district, String name, String id, String deathCertificate,
            String cremationCertificate, String cremationFile, String invoiceFile) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", district);
        data.put("deceasedName", name);
        data.put("deceasedIdNumber", id);
        data.put("dateOfDeath", daysAgo(18));
        data.put("deathCertificateNo", deathCertificate);
        data.put("cremationCertificateNo", cremationCertificate);
        data.put("cremationDate", daysAgo(15));
        data.put("funeralHome", "广州市殡葬服务中心");
        data.put("items", List.of(
                Map.of("itemCode", "TRANSPORT", "quantity", 200, "charge", 800),
                Map.of("itemCode", "STORAGE", "quantity", 3, "charge", 300),
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 350),
                Map.of("itemCode", "URN", "quantity", 1, "charge", 120.5),
                Map.of("itemCode", "OTHER", "quantity", 1, "charge", 600)));
        data.put("waivedElsewhereDeclared", "no");
        data.put("applicantName", "张三");
        data.put("applicantIdNumber", "442000199001011014");
        data.put("relationship", "CHILD");
        data.put("phone", "13800138000");
        data.put("bankName", "中国工商银行中山分行");
        data.put("bankAccount", "6222020000123456789");
        data.put("cremationCertificateFile", cremationFile);
        data.put("invoiceFile", List.of(invoiceFile));
        data.put("declaration", true);
        return data;
    }

    public static Map<String, Object> jilin(String cremationFile, String invoiceFile) {
        return reimbursement("xiaolan", JILIN_NAME, JILIN_ID, "SW4401002026077", "HZ440100202600123", cremationFile,
                invoiceFile);
    }
}
