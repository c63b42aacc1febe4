/**
 * The generic lifecycle every service shares: submit, attachments, status, corrections, withdrawal, public
 * tracking, and the audit trail of every decision.
 */
package cn.zs.civil.application;
