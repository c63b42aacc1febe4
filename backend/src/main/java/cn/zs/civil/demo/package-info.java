/** Demo cases for the embedded default, so that queues, tracking and reports show something on first start. */
package cn.zs.civil.demo;
