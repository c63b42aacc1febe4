package cn.zs.civil.funeral;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The waiver a funeral case granted (amounts, items, when), for whoever writes it on a document. */
@Component
public class FuneralWaivers {

    private final FuneralWaiverMapper mapper;

    FuneralWaivers(FuneralWaiverMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<FuneralWaiverRow> of(String applicationNo) {
        return Optional.ofNullable(mapper.findByApplicationNo(applicationNo));
    }
}
