/** Counter staff's work queue: tasks of their groups and districts, claim, complete, return for corrections. */
package cn.zs.civil.worklist;
