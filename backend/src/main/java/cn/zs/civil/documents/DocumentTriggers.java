package cn.zs.civil.documents;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLogged;
import cn.zs.civil.outbox.Outbox;
import cn.zs.civil.outbox.OutboxHandler;
import cn.zs.civil.outbox.OutboxMessage;

/**
 * When documents are produced (Amendment 14): the acceptance of a case and its correction notice (as the case's
 * trail logs them, {@link CaseLogged}) and its end ({@link CaseEnded}) each write an outbox message of kind
 * {@value #KIND} in the deciding transaction (a rolled-back decision produces
 * nothing); after commit the outbox hands it to {@link #deliver}, which issues whatever documents the case now has
 * facts for. Issuing is idempotent, so a repeated delivery stores nothing twice.
 */
@Component
class DocumentTriggers implements OutboxHandler {

    static final String KIND = "DOCUMENT";
    private static final java.util.Set<CaseEventType> STEPS = java.util.EnumSet.of(CaseEventType.ACCEPTED,
            CaseEventType.DEEMED_ACCEPTED, CaseEventType.CORRECTIONS_REQUESTED);

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

    /** The steps of a case's trail that the applicant is given a document for: acceptance, the correction notice. */
    @EventListener
    void caseLogged(CaseLogged logged) {
        if (STEPS.contains(logged.type())) {
            outbox.enqueue(KIND, "documents:" + logged.applicationNo() + ":" + logged.type(), logged.applicationNo(),
                    Map.of("step", logged.type().name()));
        }
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
