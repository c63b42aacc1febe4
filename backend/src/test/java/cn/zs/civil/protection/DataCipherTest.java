package cn.zs.civil.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DataCipherTest {

    static final String K1 = "JpnBi3aXe8PXjfNYePxgTqueX8XFTM4yu2UEdxnZHq4=";
    static final String K2 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String FORM = "{\"deceasedName\":\"𠮷林\",\"deceasedIdNumber\":\"442000194503012129\"}";

    @Test
    void sealsWithTheFirstKeyAndOpensOnlyForTheSameCase() {
        DataCipher cipher = new DataCipher("k1:" + K1);
        String sealed = cipher.seal(FORM, "BZB-1");
        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("442000194503012129").doesNotContain("𠮷");
        assertThat(cipher.open(sealed, "BZB-1")).isEqualTo(FORM);
        // A fresh IV every time: the same value never seals to the same text.
        assertThat(cipher.seal(FORM, "BZB-1")).isNotEqualTo(sealed);
        // Copied into another case's row, it does not open.
        assertThatThrownBy(() -> cipher.open(sealed, "BZB-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealsFileContentBoundToTheFileAndOpensPlainContentWrittenBefore() {
        DataCipher cipher = new DataCipher("k1:" + K1);
        byte[] scan = "%PDF-1.4 身份证 442000194503012129".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = cipher.sealBytes(scan, "file-1");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("enc:v1:k1:")
                .doesNotContain("442000194503012129");
        assertThat(cipher.openBytes(sealed, "file-1")).isEqualTo(scan);
        assertThatThrownBy(() -> cipher.openBytes(sealed, "file-2")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.openBytes(sealed, "file-1")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.openBytes(scan, "file-1")).isEqualTo(scan);
        // A rotated list opens what the old key sealed.
        byte[] old = cipher.sealBytes(scan, "file-1");
        assertThat(new DataCipher("k2:" + K1.replace('A', 'B') + ",k1:" + K1).openBytes(old, "file-1")).isEqualTo(scan);
    }

    @Test
    void refusesAnAlteredCiphertext() {
        DataCipher cipher = new DataCipher("k1:" + K1);
        String sealed = cipher.seal(FORM, "BZB-1");
        char[] chars = sealed.toCharArray();
        int i = chars.length - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.open(new String(chars), "BZB-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedKeyListStillOpensWhatTheOldKeySealed() {
        String old = new DataCipher("k1:" + K1).seal(FORM, "BZB-1");
        DataCipher rotated = new DataCipher("k2:" + K2 + ", k1:" + K1);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.open(old, "BZB-1")).isEqualTo(FORM);
        assertThat(rotated.seal(FORM, "BZB-1")).startsWith("enc:v1:k2:");
        assertThatThrownBy(() -> new DataCipher("k2:" + K2).open(old, "BZB-1"))
                .hasMessageContaining("'k1', which is not configured");
    }

    @Test
    void plainTextWrittenBeforeEncryptionIsReadAsItIs() {
        assertThat(new DataCipher("k1:" + K1).open("{\"a\":1}", "BZB-1")).isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesMalformedKeyConfiguration() {
        assertThatThrownBy(() -> new DataCipher("")).hasMessageContaining("expected id:base64key");
        assertThatThrownBy(() -> new DataCipher("k1:abc")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new DataCipher("k1:" + K1 + ",k1:" + K2)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new DataCipher("k_1:" + K1)).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new DataCipher("k1:***")).hasMessageContaining("not base64");
    }

    @Test
    void deploymentProfilesRefuseTheDemoKeys() {
        DataCipher demo = new DataCipher("demo:" + DeploymentKeysGuard.DEMO_DATA_KEY);
        DataCipher own = new DataCipher("k1:" + K1);
        for (String profile : DeploymentKeysGuard.DEPLOYMENT_PROFILES) {
            MockEnvironment env = new MockEnvironment().withProperty("platform.data-protection.keys",
                    "demo:" + DeploymentKeysGuard.DEMO_DATA_KEY).withProperty("platform.hash-key", "own");
            env.setActiveProfiles(profile);
            assertThatThrownBy(() -> new DeploymentKeysGuard(env, demo)).hasMessageContaining("DATA_ENCRYPTION_KEYS");

            MockEnvironment hash = new MockEnvironment().withProperty("platform.data-protection.keys", "k1:" + K1)
                    .withProperty("platform.hash-key", DeploymentKeysGuard.DEMO_HASH_KEY);
            hash.setActiveProfiles(profile);
            assertThatThrownBy(() -> new DeploymentKeysGuard(hash, own)).hasMessageContaining("PLATFORM_HASH_KEY");

            MockEnvironment fine = new MockEnvironment().withProperty("platform.data-protection.keys", "k1:" + K1)
                    .withProperty("platform.hash-key", "own");
            fine.setActiveProfiles(profile);
            new DeploymentKeysGuard(fine, own);
        }
        // The embedded default starts with its documented demo keys.
        MockEnvironment embedded = new MockEnvironment().withProperty("platform.data-protection.keys",
                "demo:" + DeploymentKeysGuard.DEMO_DATA_KEY).withProperty("platform.hash-key", DeploymentKeysGuard.DEMO_HASH_KEY);
        new DeploymentKeysGuard(embedded, demo);
    }

    @Test
    void logsNeverCarryAWholeIdNumber() {
        assertThat(LogMasking.mask("case of 442000194503012129 and 44200020030303134X, phone 13800138000"))
                .isEqualTo("case of 4420**********2129 and 4420**********134X, phone 13800138000");
        assertThat(LogMasking.mask("id=442000194503012129.")).isEqualTo("id=4420**********2129.");
        // Longer digit runs (bank accounts, ids of other kinds) are not ID numbers.
        assertThat(LogMasking.mask("account 6222020000123456789")).isEqualTo("account 6222020000123456789");
    }
}
