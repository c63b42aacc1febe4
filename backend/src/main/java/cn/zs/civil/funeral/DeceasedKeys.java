package cn.zs.civil.funeral;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zs.civil.registry.IdNumberKeys;

/**
 * The key under which "one waiver per deceased" is kept: the keyed hash of the deceased's ID number, or for an
 * unidentified body, which has none, of the police certificate that identifies the case.
 */
@Component
class DeceasedKeys {

    static final String FIELD_UNIDENTIFIED = "unidentifiedBody";
    static final String FIELD_POLICE_CERTIFICATE = "policeCertificateNo";

    private final IdNumberKeys keys;

    DeceasedKeys(IdNumberKeys keys) {
        this.keys = keys;
    }

    String of(Map<String, Object> data) {
        if (Boolean.TRUE.equals(data.get(FIELD_UNIDENTIFIED))) {
            return keys.of("UNIDENTIFIED:" + data.get(FIELD_POLICE_CERTIFICATE));
        }
        return keys.of(String.valueOf(data.get(FuneralProcess.FIELD_DECEASED_ID)));
    }
}
