package cn.zs.civil.documents;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseStepReached;
import cn.zs.civil.outbox.Outbox;
import cn.zs.civil.outbox.OutboxHandler;
import cn.zs.civil.outbox.OutboxMessage;

/**
 * When documents are produced (Amendment 14): the acceptance of a case, its correction notice and its end each
 * write an outbox message of kind {@value #KIND} in the deciding transaction (a rolled-back decision produces
 * nothing); after commit the outbox hands it to {@link #deliver}, which issues whatever documents the case now has
 * facts for. Issuing is idempotent, so a repeated delivery stores nothing twice.
 */
@Component
class DocumentTriggers implements OutboxHandler {

    static final String KIND = "DOCUMENT";

    private final DocumentService documents;
    private final Outbox outbox;

    DocumentTriggers(DocumentService documents, Outbox outbox) {
        this.documents = documents;
        this.outbox = outbox;
    }

    @EventListener
    void ended(CaseEnded ended) {
        outbox.enqueue(KIND, "documents:" + ended.applicationNo() + ":ENDED", ended.applicationNo(),
                Map.of("step", "ENDED"));
    }

    @EventListener
    void stepReached(CaseStepReached step) {
        outbox.enqueue(KIND, "documents:" + step.applicationNo() + ":" + step.step(), step.applicationNo(),
                Map.of("step", step.step().name()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(OutboxMessage message) {
        documents.issueDue(message.applicationNo());
    }
}
