package cn.zs.civil.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.KeyedHash;

/**
 * A case's query code (查询码): sealed in {@code application.query_code} for its applicant to read again, and checked
 * for public tracking against a keyed hash ({@code application.query_hash}), so the table holds no code in plain text
 * and tracking opens nothing.
 */
@Component
class QueryCodes {

    private final DataCipher cipher;
    private final KeyedHash hash;

    QueryCodes(DataCipher cipher, KeyedHash hash) {
        this.cipher = cipher;
        this.hash = hash;
    }

    private static String context(String applicationNo) {
        return applicationNo + "/query_code";
    }

    String seal(String applicationNo, String code) {
        return code == null ? null : cipher.seal(code, context(applicationNo));
    }

    String open(String applicationNo, String stored) {
        return cipher.open(stored, context(applicationNo));
    }

    String hash(String code) {
        return hash.of(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a code typed for tracking is the case's, in constant time: by the keyed hash, or, for a row written
     * before it had one (sealed at the next start), by the stored code opened.
     */
    boolean matches(ApplicationMapper.QueryCheck stored, String given) {
        byte[] expected = stored.queryHash() != null ? stored.queryHash().getBytes(StandardCharsets.US_ASCII)
                : hash(String.valueOf(open(stored.applicationNo(), stored.queryCode()))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, hash(given).getBytes(StandardCharsets.US_ASCII));
    }
}
