package cn.zs.civil.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.documents}: the keys that sign the verification tokens (the format of
 * {@code platform.audit.keys}: {@code id:base64(32 bytes)}, comma-separated, the first signs, every one verifies);
 * the public address the QR code points at; the largest PDF the public upload check reads; how many checks one
 * address may make a minute.
 */
@ConfigurationProperties("platform.documents")
record DocumentProperties(String tokenKeys, String publicBaseUrl, long maxUploadBytes, int checksPerMinute) {

    DocumentProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        maxUploadBytes = maxUploadBytes <= 0 ? 5L * 1024 * 1024 : maxUploadBytes;
        checksPerMinute = checksPerMinute <= 0 ? 30 : checksPerMinute;
    }

    /** The verification page of a token: a route of the web app anyone may open. */
    String verifyUrl(String token) {
        return publicBaseUrl + "/verify/" + token;
    }
}
