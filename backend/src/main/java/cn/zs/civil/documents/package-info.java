/**
 * The documents a case produces (Amendment 14): acceptance receipt, correction notice, refusal notice, funeral
 * waiver notice, social-organisation certificate and announcement, place-name announcement, and the e-copy of a
 * marriage or divorce registration. Each is a PDF rendered from the facts their owners already hold (the case in
 * {@code application}, the decision in {@code DecisionNotices}, the register entries of the service modules), with
 * an embedded CJK font and a QR code to a public verification page that checks a signed token. Stored once per
 * case, kind and version, with the SHA-256 of the bytes issued; revocable by staff with a reason (audited).
 */
package cn.zs.civil.documents;
