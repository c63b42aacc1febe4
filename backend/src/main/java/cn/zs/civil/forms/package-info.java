/**
 * Forms are data: Camunda Forms (form-js JSON) deployed with the models, served to the browser and enforced on the
 * server with the same definition.
 */
package cn.zs.civil.forms;
