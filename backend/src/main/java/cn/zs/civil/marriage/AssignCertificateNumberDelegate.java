package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.ProcessKeys;
import cn.zs.civil.application.Sequences;

/**
 * The certificate number (结婚证字号 / 离婚证字号): J (marriage) or L (divorce) + the registry's division code +
 * year + a 6-digit yearly sequence, e.g. J442000-2026-000001 [S: the format is configurable].
 */
@Component("assignCertificateNumberDelegate")
class AssignCertificateNumberDelegate implements JavaDelegate {

    private final Sequences sequences;
    private final MarriageMapper mapper;
    private final String format;
    private final String division;

    AssignCertificateNumberDelegate(Sequences sequences, MarriageMapper mapper,
            @Value("${platform.marriage.certificate-format:%s%s-%d-%06d}") String format,
            @Value("${platform.marriage.division-code:442000}") String division) {
        this.sequences = sequences;
        this.mapper = mapper;
        this.format = format;
        this.division = division;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String no = execution.getProcessBusinessKey();
        String existing = mapper.certificateOf(no);
        if (existing == null) {
            String kind = DIVORCE_KEY.equals(ProcessKeys.of(execution)) ? "L" : "J";
            int year = BusinessTime.now().getYear();
            long sequence = sequences.next(kind + division + "-" + year);
            existing = format.formatted(kind, division, year, sequence);
            mapper.insertCertificate(existing, no, kind, BusinessTime.now().toLocalDate());
        }
        execution.setVariable(VAR_CERTIFICATE_NO, existing);
    }
}
