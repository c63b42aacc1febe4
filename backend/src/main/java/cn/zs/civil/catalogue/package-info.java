/** The service catalogue: what each of the bureau's services is, its law, conditions, materials and limits. */
package cn.zs.civil.catalogue;
