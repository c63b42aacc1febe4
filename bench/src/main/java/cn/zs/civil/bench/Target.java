package cn.zs.civil.bench;

/** What a load run drives: the platform over HTTP, or the bare engine in-process. */
interface Target {

    /** Submits the n-th case; the case's reference for reads, or null when the submission failed. */
    Submitted submit(long n, long intendedStart);

    /** One clerk's turn: take the next task of the queue and complete it. False when the queue was empty. */
    boolean work(String clerk);

    /** Cases of the scenario that have ended so far. */
    long completed();

    /** Cases of the scenario submitted so far (as the system counts them). */
    long submitted();

    /** One read of the read mix (queue, case, tracking, reports); nothing where the target has no such reads. */
    default void read(long i, Submitted recent) {
    }

    record Submitted(String applicationNo, String queryCode) {
    }
}
