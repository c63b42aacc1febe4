package cn.zs.civil.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's {@link StreamReadConstraints} from {@link RequestLimits}, and one streaming pass over a JSON body that
 * applies them together with the one bound Jackson does not have: the number of fields in one object. The pass
 * builds nothing (no tree, no map), so a body is checked in constant memory before any parser that does build
 * something sees it.
 */
public final class JsonLimits {

    /** Why a body was refused, and where (a JSON pointer such as {@code /data/items/3}). */
    public record Violation(String messageKey, String pointer) {
    }

    private final RequestLimits limits;
    private final JsonFactory factory;

    public JsonLimits(RequestLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
    }

    public static StreamReadConstraints constraints(RequestLimits limits) {
        return StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(limits.jsonMaxBytes().toBytes())
                .build();
    }

    /**
     * The first bound the body breaks, or null. A body that is not JSON at all passes: the parser that reads it
     * next refuses it with its own 400, as it would have without this check.
     */
    public Violation check(byte[] body) {
        Deque<int[]> fieldsPerObject = new ArrayDeque<>();
        JsonParser parser = null;
        try {
            parser = factory.createParser(body);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> fieldsPerObject.push(new int[1]);
                    case END_OBJECT -> fieldsPerObject.pop();
                    case FIELD_NAME -> {
                        if (++fieldsPerObject.peek()[0] > limits.maxFieldsPerObject()) {
                            return new Violation("request.tooManyFields",
                                    parser.getParsingContext().getParent().pathAsPointer().toString());
                        }
                    }
                    // Jackson measures a string when it is read as one, not when it is skipped.
                    case VALUE_STRING -> parser.getText();
                    default -> {
                    }
                }
            }
            return null;
        } catch (StreamConstraintsException e) {
            return new Violation("request.tooComplex", parser == null ? "" : parser.getParsingContext().pathAsPointer().toString());
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a parser over a byte array has nothing to release
                }
            }
        }
    }
}
