/**
 * External registries behind interfaces: identity and hukou, death register, social assistance, provincial
 * funeral database. The built-in demo registry serves the embedded default and the tests.
 */
package cn.zs.civil.registry;
