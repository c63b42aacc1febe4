package cn.zs.civil.identity.keycloak;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the realm is and who the platform is to it (application-keycloak.yml, set by environment variables).
 *
 * @param issuerUri the realm as browsers and tokens name it, e.g. {@code https://sso.example/realms/zhongshan-civil}
 * @param backchannelUri the same realm as the backend reaches it (inside a container network); the issuer if unset
 * @param audience the audience every access token must carry (the realm's clients add it with a mapper)
 * @param clockSkew tolerance for the expiry of tokens
 * @param absoluteSessionTimeout a browser session ends this long after sign-in, however active it is
 */
@ConfigurationProperties("platform.identity.keycloak")
public record KeycloakProperties(URI issuerUri, URI backchannelUri, String clientId, String clientSecret,
        String audience, Duration clockSkew, Duration absoluteSessionTimeout) {

    public KeycloakProperties {
        clientId = clientId == null ? "civil-web" : clientId;
        audience = audience == null ? "civil-approval" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        absoluteSessionTimeout = absoluteSessionTimeout == null ? Duration.ofHours(8) : absoluteSessionTimeout;
    }

    String issuer() {
        return strip(issuerUri);
    }

    /** An endpoint of the realm's OpenID Connect protocol, as the backend calls it. */
    String backchannel(String path) {
        boolean internal = backchannelUri != null && !backchannelUri.toString().isBlank();
        return strip(internal ? backchannelUri : issuerUri) + "/protocol/openid-connect/" + path;
    }

    /** An endpoint of the realm's OpenID Connect protocol, as the browser is sent to it. */
    String frontchannel(String path) {
        return issuer() + "/protocol/openid-connect/" + path;
    }

    private static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
