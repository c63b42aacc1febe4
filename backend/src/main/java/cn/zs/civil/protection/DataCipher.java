package cn.zs.civil.protection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal data at rest. A sealed value reads {@code enc:v1:<key id>:<base64(iv | ciphertext | tag)>}:
 * the key id travels with the ciphertext, so a new key can be put first in the key list (it seals from then on)
 * while the old ones still open what they sealed, until the re-encryption at start-up has moved every row.
 * The caller's context (the application number) is bound as associated data: a ciphertext copied to another row
 * does not open there.
 */
@Component
public class DataCipher {

    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}: {@code id:base64(32 bytes)}, comma-separated; the first seals, all open. */
    public DataCipher(@Value("${platform.data-protection.keys}") String keys) {
        this.keys = parse(keys);
        this.activeKeyId = this.keys.keySet().iterator().next();
    }

    static Map<String, SecretKey> parse(String spec) {
        Map<String, SecretKey> out = new LinkedHashMap<>();
        KeyList.parse("platform.data-protection.keys", spec).forEach((id, key) -> out.put(id, new SecretKeySpec(key, "AES")));
        return out;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Map<String, SecretKey> keys() {
        return keys;
    }

    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(encrypt(
                plain.getBytes(StandardCharsets.UTF_8), context));
    }

    /** iv | ciphertext | tag under the active key, the key id and context as associated data. */
    private byte[] encrypt(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(activeKeyId, context));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain text of a sealed value; a value written before encryption (no prefix) is returned as it is. */
    public String open(String stored, String context) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + keyId + "', which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId, context));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value does not open (wrong key, wrong row or altered)", e);
        }
    }

    /**
     * Binary content (an uploaded file) sealed the same way: the stored bytes are the ASCII prefix
     * {@code enc:v1:<key id>:} followed by iv | ciphertext | tag.
     */
    public byte[] sealBytes(byte[] plain, String context) {
        byte[] prefix = currentPrefix().getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = encrypt(plain, context);
        return ByteBuffer.allocate(prefix.length + sealed.length).put(prefix).put(sealed).array();
    }

    /** The plain bytes of sealed content; content stored before encryption (no prefix) is returned as it is. */
    public byte[] openBytes(byte[] stored, String context) {
        String head = new String(stored, 0, Math.min(stored.length, PREFIX.length() + 34), StandardCharsets.US_ASCII);
        int colon = head.startsWith(PREFIX) ? head.indexOf(':', PREFIX.length()) : -1;
        if (colon < 0) {
            return stored;
        }
        String keyId = head.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + keyId + "', which is not configured");
        }
        try {
            int start = colon + 1;
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, start, IV_BYTES));
            cipher.updateAAD(aad(keyId, context));
            return cipher.doFinal(stored, start + IV_BYTES, stored.length - start - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed content does not open (wrong key, wrong row or altered)", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Sealed with the key that seals now: nothing to re-encrypt. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + activeKeyId + ":");
    }

    public String currentPrefix() {
        return PREFIX + activeKeyId + ":";
    }

    private static byte[] aad(String keyId, String context) {
        return (keyId + "|" + (context == null ? "" : context)).getBytes(StandardCharsets.UTF_8);
    }
}
