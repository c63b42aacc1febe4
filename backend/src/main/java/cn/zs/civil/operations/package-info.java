/**
 * Operations: the figures an operator scrapes (Prometheus, through Spring Boot's actuator) about the platform as a
 * whole: cases received and decided per service, the queues' sizes and overdue tasks, the engine's job backlog,
 * failed jobs and open incidents. Read from the read models that own them (the case table, the queue table) and
 * from the engine's API, on a timer, never on the scrape's thread.
 */
package cn.zs.civil.operations;
