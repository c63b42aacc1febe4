package cn.zs.civil.protection;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configured list of secret keys, {@code id:base64(32 bytes)} comma-separated: the first is the one in use, every
 * one is still accepted, so a key is rotated by putting a new one first. The format of
 * {@code platform.data-protection.keys} and {@code platform.audit.keys}.
 */
public final class KeyList {

    private KeyList() {
    }

    /** The keys in their order; {@code property} names the setting in the messages of a bad configuration. */
    public static Map<String, byte[]> parse(String property, String spec) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String entry : spec == null ? new String[0] : spec.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException(property + ": expected id:base64key[,id:base64key...]");
            }
            String id = trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9-]{1,32}")) {
                throw new IllegalStateException(property + ": key id '" + id + "' must be 1-32 letters, digits or -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(property + ": key '" + id + "' must be 32 bytes");
            }
            if (out.put(id, key) != null) {
                throw new IllegalStateException(property + ": key id '" + id + "' appears twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(property + ": no key configured");
        }
        return out;
    }
}
