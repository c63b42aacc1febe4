/**
 * Data protection: encryption at rest of the personal data in the platform's own tables (AES-GCM, keys from
 * configuration, key id stored with every ciphertext so keys can rotate) and the guard that refuses the embedded
 * demo keys in a deployment profile.
 */
package cn.zs.civil.protection;
