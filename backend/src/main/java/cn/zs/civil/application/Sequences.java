package cn.zs.civil.application;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Named gap-free counters (application numbers per service and day, certificate numbers per registry and year).
 * Must be called inside the caller's transaction: the counter's row lock orders concurrent callers, and a rollback
 * gives the number back.
 */
@Component
public class Sequences {

    private final ApplicationMapper mapper;

    Sequences(ApplicationMapper mapper) {
        this.mapper = mapper;
    }

    public long next(String name) {
        if (mapper.incrementSequence(name) == 0) {
            try {
                mapper.insertSequence(name, 1);
            } catch (DuplicateKeyException raced) {
                mapper.incrementSequence(name);
            }
        }
        return mapper.currentSequence(name);
    }
}
