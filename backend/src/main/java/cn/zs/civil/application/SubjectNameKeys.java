package cn.zs.civil.application;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zs.civil.forms.FormDefinition;
import cn.zs.civil.protection.KeyedHash;

/**
 * Keyed hashes ({@link KeyedHash}) of the names a case holds ({@code application_name_key}), so a clerk can find a
 * case by the whole name of any person it names although the names are sealed at rest: the start form's subject
 * field and the fields it marks {@code "searchName": "true"} (the couple's second party, the family member who
 * applies, an agent, a legal representative, a contact). The name is normalised first: full-width forms and
 * case folded, white space dropped and the middle dots of transliterated names made one, so "张 三" finds "张三" and
 * "阿依古丽•买买提" finds "阿依古丽·买买提". A part of a name finds nothing.
 */
@Component
public class SubjectNameKeys {

    private final KeyedHash hash;

    SubjectNameKeys(KeyedHash hash) {
        this.hash = hash;
    }

    /** The keys of the names the start form's values hold (its subject and its search-name fields), in form order. */
    public Set<String> of(FormDefinition form, Map<String, Object> values) {
        Set<String> keys = new LinkedHashSet<>();
        form.valueFields().stream()
                .filter(f -> "true".equals(f.properties().get("subject")) || "true".equals(f.properties().get("searchName")))
                .map(f -> values.get(f.key())).filter(Objects::nonNull).map(v -> of(v.toString()))
                .filter(Objects::nonNull).forEach(keys::add);
        return keys;
    }

    /** Replaces the case's name keys with those of its values (the one writer of {@code application_name_key}). */
    void store(ApplicationMapper mapper, String applicationNo, FormDefinition form, Map<String, Object> values) {
        mapper.deleteNameKeys(applicationNo);
        Set<String> keys = of(form, values);
        if (!keys.isEmpty()) {
            mapper.insertNameKeys(applicationNo, keys);
        }
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
