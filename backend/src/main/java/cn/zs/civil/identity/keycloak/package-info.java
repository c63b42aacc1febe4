/**
 * The Keycloak mode (profile {@code keycloak}): browsers sign in through the backend with OpenID Connect
 * (authorization code with PKCE, a session cookie in the shared database, CSRF, RP-initiated logout), API clients
 * send Keycloak access tokens. Realm roles, queue groups and district groups of the realm
 * ({@code docker/keycloak/zhongshan-civil.json}) become the same authorities as the embedded demo accounts.
 */
package cn.zs.civil.identity.keycloak;
