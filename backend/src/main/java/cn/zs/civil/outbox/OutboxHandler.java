package cn.zs.civil.outbox;

/** One per kind (a Spring bean); the dispatcher calls it after commit, retries with back-off when it throws. */
public interface OutboxHandler {

    String kind();

    void deliver(OutboxMessage message) throws Exception;
}
