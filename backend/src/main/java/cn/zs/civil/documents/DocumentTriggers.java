package cn.zs.civil.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseStepReached;

/**
 * When documents are produced: after the transaction that accepted the case, issued its correction notice or
 * decided it has committed (a rolled-back decision produces nothing). Each issue runs in a transaction of its own
 * and is idempotent, so a document is stored once however often this runs.
 */
@Component
class DocumentTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentTriggers.class);

    private final DocumentService documents;
    private final TransactionTemplate tx;

    DocumentTriggers(DocumentService documents, PlatformTransactionManager transactions) {
        this.documents = documents;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ended(CaseEnded ended) {
        issueDue(ended.applicationNo());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void stepReached(CaseStepReached step) {
        issueDue(step.applicationNo());
    }

    private void issueDue(String applicationNo) {
        try {
            tx.executeWithoutResult(s -> documents.issueDue(applicationNo));
        } catch (RuntimeException e) {
            // The decision stands; the documents can be issued again (idempotent) by the next step or by staff.
            LOG.error("Documents of {} not issued", applicationNo, e);
        }
    }
}
