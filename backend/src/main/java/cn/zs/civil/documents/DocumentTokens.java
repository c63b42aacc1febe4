package cn.zs.civil.documents;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.zs.civil.protection.KeyList;

/**
 * The signed token in a document's QR code: {@code serial.keyId.mac}, the MAC an HMAC-SHA256 (first 16 bytes,
 * base64url) of the serial number under a key of {@code platform.documents.token-keys}. It names the document (its
 * serial number), never the person; a token whose MAC does not verify under any configured key is forged.
 */
@Component
class DocumentTokens {

    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN = 120;

    private final Map<String, byte[]> keys;
    private final String signingKey;

    DocumentTokens(DocumentProperties properties) {
        this.keys = KeyList.parse("platform.documents.token-keys", properties.tokenKeys());
        this.signingKey = keys.keySet().iterator().next();
    }

    String sign(String serial) {
        return serial + "." + signingKey + "." + mac(keys.get(signingKey), serial);
    }

    /** The serial number a genuine token names; empty for anything else (malformed, unknown key, wrong MAC). */
    Optional<String> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[A-Z0-9-]{1,40}")) {
            return Optional.empty();
        }
        byte[] key = keys.get(parts[1]);
        if (key == null) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(mac(key, parts[0]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(parts[0]) : Optional.empty();
    }

    private static String mac(byte[] key, String serial) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(("document:" + serial).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
