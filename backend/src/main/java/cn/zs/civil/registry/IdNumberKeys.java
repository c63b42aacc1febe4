package cn.zs.civil.registry;

import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.zs.civil.protection.KeyedHash;

/**
 * A keyed hash of an ID number ({@link KeyedHash}): lets the database enforce "one waiver per deceased" or find a
 * person's open cases without an index over plain ID numbers. A trailing x and X are the same check digit.
 */
@Component
public class IdNumberKeys {

    private final KeyedHash hash;

    IdNumberKeys(KeyedHash hash) {
        this.hash = hash;
    }

    public String of(String idNumber) {
        return hash.of(idNumber.toUpperCase(Locale.ROOT));
    }
}
