/**
 * Social-organisation registration (domain brief §2): establishment of social groups and private non-enterprise
 * units, change and cancellation. The name is checked against the register before anyone looks at the case;
 * foundations are refused as not competent unless the province delegated them; acceptance follows the one-time
 * correction rule; conditions are DMN; two staff verify on site; section chief and director sign; the decision
 * produces a written notice, an announcement and a certificate kept in {@code so_case}.
 */
package cn.zs.civil.socialorg;
