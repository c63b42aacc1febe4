package cn.zs.civil.protection;

import java.util.Arrays;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default carries documented demo keys so that it starts without set-up. A deployment profile
 * ({@code mysql}, {@code keycloak}) refuses to start with them: personal data sealed with a published key is not
 * protected, and a keyed hash with a published key can be recomputed by anyone.
 */
@Component
class DeploymentKeysGuard {

    /** The demo data key of application.yml (README: for the embedded default only). */
    static final String DEMO_DATA_KEY = "47k/flsYgJO82k9B08Tnpu0T6URIbg2a45HT8rFNq0o=";
    static final String DEMO_AUDIT_KEY_ID = "demo-audit";
    static final String DEMO_DOCUMENT_KEY_ID = "demo-documents";
    static final String DEMO_HASH_KEY = "embedded-demo-key-not-for-production";
    static final List<String> DEPLOYMENT_PROFILES = List.of("mysql", "keycloak");

    DeploymentKeysGuard(Environment environment, DataCipher cipher) {
        boolean deployment = Arrays.stream(environment.getActiveProfiles()).anyMatch(DEPLOYMENT_PROFILES::contains);
        if (!deployment) {
            return;
        }
        String keys = environment.getProperty("platform.data-protection.keys", "");
        if (keys.contains(DEMO_DATA_KEY) || cipher.keys().containsKey("demo")) {
            throw new IllegalStateException("Profile " + Arrays.toString(environment.getActiveProfiles())
                    + ": set DATA_ENCRYPTION_KEYS to a key of your own (id:base64 of 32 random bytes); the demo key"
                    + " of the embedded default is published and protects nothing");
        }
        if (environment.getProperty("platform.audit.keys", "").startsWith(DEMO_AUDIT_KEY_ID + ":")) {
            // A warning, not a refusal, until every deployment script sets AUDIT_KEYS (README, "Security").
            LoggerFactory.getLogger(DeploymentKeysGuard.class).warn("Profile {}: the audit chain is signed with the"
                    + " published demo key; set AUDIT_KEYS to a key of your own (id:base64 of 32 random bytes)",
                    Arrays.toString(environment.getActiveProfiles()));
        }
        if (environment.getProperty("platform.documents.token-keys", "").startsWith(DEMO_DOCUMENT_KEY_ID + ":")) {
            // A warning like the audit key's: a published key lets anyone sign a document's verification token.
            LoggerFactory.getLogger(DeploymentKeysGuard.class).warn("Profile {}: documents' verification tokens are"
                    + " signed with the published demo key; set DOCUMENT_TOKEN_KEYS to a key of your own (id:base64 of"
                    + " 32 random bytes)", Arrays.toString(environment.getActiveProfiles()));
        }
        if (DEMO_HASH_KEY.equals(environment.getProperty("platform.hash-key"))) {
            throw new IllegalStateException("Profile " + Arrays.toString(environment.getActiveProfiles())
                    + ": set PLATFORM_HASH_KEY to a secret of your own; the demo value of the embedded default is published");
        }
    }
}
