package cn.zs.civil.marriage;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.worklist.CaseFacts;

/**
 * The certificate number (结婚证字号 / 离婚证字号) a registration was given, for whoever writes it on a document, and
 * for the issue step's form (the fact {@value MarriageProcess#VAR_CERTIFICATE_NO}). Its one home is the
 * certificate's row, numbered when the decision commits.
 */
@Component
public class MarriageCertificates implements CaseFacts {

    private final MarriageMapper mapper;

    MarriageCertificates(MarriageMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<String> of(String applicationNo) {
        return Optional.ofNullable(mapper.certificateOf(applicationNo));
    }

    @Override
    public Map<String, Object> of(ApplicationRow row) {
        // A registration has a number from its decision on: no query for the steps before it.
        if (!cn.zs.civil.application.CaseStatus.DECIDED.equals(row.status())
                || !MarriageProcess.MARRIAGE_SERVICE.equals(row.serviceCode())
                        && !MarriageProcess.DIVORCE_SERVICE.equals(row.serviceCode())) {
            return Map.of();
        }
        return of(row.applicationNo()).<Map<String, Object>>map(no -> Map.of(MarriageProcess.VAR_CERTIFICATE_NO, no))
                .orElse(Map.of());
    }
}
