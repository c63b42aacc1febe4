package cn.zs.civil.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.protection.KeyList;

/**
 * The keys of the audit chain's MACs ({@code platform.audit.keys}, {@code id:base64(32 bytes)}, comma-separated):
 * the first signs new entries and checkpoints, every one still verifies what it signed, so a key is rotated by
 * putting a new one first and keeping the old one as long as the entries it signed are kept. They come only from
 * the configuration, never from the database: whoever can write the database cannot recompute a MAC.
 */
@Component
class AuditKeys {

    private final Map<String, byte[]> keys;
    private final String activeKeyId;

    AuditKeys(@Value("${platform.audit.keys}") String keys) {
        this.keys = KeyList.parse("platform.audit.keys", keys);
        this.activeKeyId = this.keys.keySet().iterator().next();
    }

    String activeKeyId() {
        return activeKeyId;
    }

    boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of the text under the named key, in hex. */
    String mac(String keyId, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(keyId), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
