/**
 * Identity and access: the six roles, candidate groups per service queue, districts (镇街), the embedded demo
 * accounts, and the security rules that apply identically in the embedded and the Keycloak mode.
 */
package cn.zs.civil.identity;
