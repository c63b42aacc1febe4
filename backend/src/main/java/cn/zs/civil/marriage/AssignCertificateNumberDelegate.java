package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;

import java.time.LocalDate;

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

    /**
     * Numbers the registration when its transaction commits ({@link Sequences#atCommit}): the certificate's row
     * ({@code marriage_certificate}) is the one home of the number; the issue step's form and the report to the
     * national database read it from there ({@link MarriageCertificates}), not from a process variable.
     */
    @Override
    public void execute(DelegateExecution execution) {
        String no = execution.getProcessBusinessKey();
        String kind = DIVORCE_KEY.equals(ProcessKeys.of(execution)) ? "L" : "J";
        LocalDate decided = BusinessTime.now().toLocalDate();
        sequences.atCommit(() -> {
            if (mapper.certificateOf(no) == null) {
                long sequence = sequences.next(kind + division + "-" + decided.getYear());
                mapper.insertCertificate(format.formatted(kind, division, decided.getYear(), sequence), no, kind,
                        decided);
            }
        });
    }
}
