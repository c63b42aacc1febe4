package cn.zs.civil.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA256, hex) for a value that must be found or checked but not stored in plain text: an ID
 * number (one waiver per deceased), a case's query code. The key comes from configuration
 * ({@code platform.hash-key}), never from the database, so a copy of the database cannot recompute it.
 */
@Component
public class KeyedHash {

    private final SecretKeySpec key;

    KeyedHash(@Value("${platform.hash-key}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
