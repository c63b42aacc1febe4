package cn.zs.civil.application;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.zs.civil.protection.KeyedHash;

/**
 * A keyed hash ({@link KeyedHash}) of a case's subject name ({@code application.subject_hash}), so a clerk can find
 * a case by the whole name although the name is sealed at rest. The name is normalised first: full-width forms and
 * case folded, white space dropped and the middle dots of transliterated names made one, so "张 三" finds "张三" and
 * "阿依古丽•买买提" finds "阿依古丽·买买提". A part of a name finds nothing.
 */
@Component
public class SubjectNameKeys {

    private final KeyedHash hash;

    SubjectNameKeys(KeyedHash hash) {
        this.hash = hash;
    }

    /** The key of a name; null for none (a name of white space only is none). */
    public String of(String name) {
        String normal = normalise(name);
        return normal == null ? null : hash.of(normal);
    }

    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "")
                .replaceAll("[\\u00B7\\u2022\\u2027\\u30FB\\u318D\\u2219\\uFF65]", "\u00B7").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
