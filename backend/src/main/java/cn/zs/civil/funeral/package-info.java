/**
 * Basic funeral-service fee waiver (domain brief §4): path A, the direct waiver at the city funeral home, mostly
 * automated; path B, reimbursement for residents cremated elsewhere, with acceptance, the one-time correction
 * notice and a human review. Eligibility, item standards and caps are DMN data; one waiver per deceased is a
 * database constraint.
 */
package cn.zs.civil.funeral;
