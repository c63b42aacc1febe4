package cn.zs.civil.funeral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;

/**
 * Marks the reimbursement paid. The bureau's payment interface (treasury / bank) is not specified in the domain
 * brief; this step is where its adapter goes. It is asynchronous, so a failing payment retries without undoing the
 * decision.
 */
@Component("payReimbursementDelegate")
class PayReimbursementDelegate implements JavaDelegate {

    private final FuneralWaiverMapper waivers;

    PayReimbursementDelegate(FuneralWaiverMapper waivers) {
        this.waivers = waivers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        waivers.markPaid(execution.getProcessBusinessKey(), BusinessTime.now());
    }
}
