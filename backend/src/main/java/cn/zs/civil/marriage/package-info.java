/**
 * Marriage and divorce registration (domain brief §1): counter services with both parties in person; eligibility
 * as DMN; the divorce cooling-off periods of Civil Code Art. 1077 computed by the statutory clock; the national
 * marriage database behind {@link cn.zs.civil.registry.Registries.MarriageRegistry}.
 */
package cn.zs.civil.marriage;
