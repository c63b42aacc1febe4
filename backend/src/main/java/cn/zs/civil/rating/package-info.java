/**
 * Service ratings (好差评): the applicant rates a case that ended with a result, once, within the rating window;
 * without a rating the window ends with the default 基本满意; a bad rating opens a work order (差评工单) for the
 * responsible unit: call back and verify, rectify or explain, feedback to the applicant, optional re-review (申诉复核).
 */
package cn.zs.civil.rating;
