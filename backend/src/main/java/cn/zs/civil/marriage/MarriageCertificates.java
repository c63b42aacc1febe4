package cn.zs.civil.marriage;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The certificate number (结婚证字号 / 离婚证字号) a registration was given, for whoever writes it on a document. */
@Component
public class MarriageCertificates {

    private final MarriageMapper mapper;

    MarriageCertificates(MarriageMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<String> of(String applicationNo) {
        return Optional.ofNullable(mapper.certificateOf(applicationNo));
    }
}
