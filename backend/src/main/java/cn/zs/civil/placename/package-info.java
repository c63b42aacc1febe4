/**
 * Place-name naming and renaming approval (地名命名、更名审批, domain brief §3): acceptance with the one-time correction
 * notice, an automated naming-rule check (地名管理条例 Art. 9) against the city's register of standard names before
 * anyone reviews the name, evaluation, expert argumentation and public consultation (the statutory clock paused),
 * a hearing when requested, the competent approver by DMN (Art. 12), filing and announcement within 15 days of
 * approval with escalation when late (Arts. 13-14), and the entry of the approved name in the register.
 */
package cn.zs.civil.placename;
