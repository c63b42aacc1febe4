package cn.zs.civil.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import cn.zs.civil.problem.FieldProblem;

/**
 * The first filter of every request, before the session store, security and any parser. A body larger than its
 * kind allows is answered 413 at once, from its {@code Content-Length} or, when it is streamed without one, as soon
 * as the bytes read pass the bound. A JSON body is read into memory up to its bound only, checked in one streaming
 * pass against {@link JsonLimits} (422 naming where it breaks them) and handed on from memory. Multipart bodies are
 * left to the container, which streams them to disk and stops them at {@code spring.servlet.multipart.*}. A path
 * with parameters ({@code ;}) is refused here too (400), before anything parses the path.
 */
class RequestLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final JsonLimits json;
    private final ObjectMapper mapper;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestLimitFilter(RequestLimits limits, ObjectMapper mapper, MessageSource messages, LocaleResolver locales) {
        this.limits = limits;
        this.json = new JsonLimits(limits);
        this.mapper = mapper;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            // Path parameters (/engine-rest;x=y/engine): nothing here uses them, the security firewall refuses them,
            // but Spring's request-path parsing ahead of the firewall fails on one in a servlet's segment (a 500).
            ProblemResponses.write(mapper, messages, locale(request), response, HttpStatus.BAD_REQUEST,
                    "problem.badRequest", List.of());
            return;
        }
        long declared = request.getContentLengthLong();
        MediaType type = mediaType(request.getContentType());
        if (type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            if (declared > limits.multipartMaxBytes().toBytes()) {
                tooLarge(request, response, limits.multipartMaxBytes().toBytes());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        boolean isJson = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"));
        long max = isJson ? limits.jsonMaxBytes().toBytes() : limits.otherMaxBytes().toBytes();
        if (declared > max) {
            tooLarge(request, response, max);
            return;
        }
        if (declared == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (isJson) {
            byte[] body = readAtMost(request.getInputStream(), max);
            if (body == null) {
                tooLarge(request, response, max);
                return;
            }
            JsonLimits.Violation violation = json.check(body);
            if (violation != null) {
                tooComplex(request, response, violation);
                return;
            }
            chain.doFilter(new BodyFromMemory(request, body), response);
            return;
        }
        try {
            chain.doFilter(new BoundedBody(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (causedByTooLarge(e) == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response, max);
        }
    }

    static BodyTooLargeException causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        ProblemResponses.write(mapper, messages, locale(request), response, HttpStatus.PAYLOAD_TOO_LARGE,
                "request.tooLarge", List.of(), size(max));
    }

    private void tooComplex(HttpServletRequest request, HttpServletResponse response, JsonLimits.Violation violation)
            throws IOException {
        Locale locale = locale(request);
        Object[] args = {limits.maxStringLength(), limits.maxNumberLength(), limits.maxNestingDepth(),
                limits.maxFieldsPerObject(), limits.maxNameLength()};
        String field = field(violation.pointer());
        FieldProblem problem = new FieldProblem(field, field, violation.messageKey(),
                messages.getMessage(violation.messageKey(), args, violation.messageKey(), locale));
        ProblemResponses.write(mapper, messages, locale, response, HttpStatus.UNPROCESSABLE_ENTITY,
                violation.messageKey(), List.of(problem), args);
    }

    /** {@code /data/items/3/charge} as the platform names fields elsewhere: {@code data.items[3].charge}. */
    static String field(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    private Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The body, or null as soon as it has more than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) max);
        return body.length == max && in.read() != -1 ? null : body;
    }

    /** Thrown by a bounded body when a reader goes past its bound. */
    static final class BodyTooLargeException extends IOException {
        final long max;

        BodyTooLargeException(long max) {
            super("request body larger than allowed");
            this.max = max;
        }
    }

    /** The JSON body, read once by this filter, served again to whoever parses it. */
    private static final class BodyFromMemory extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyFromMemory(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Stream(new ByteArrayInputStream(body), Long.MAX_VALUE);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Any other body: read as it arrives, refused when it passes its bound. */
    private static final class BoundedBody extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        BoundedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * A servlet stream over another stream that throws {@link BodyTooLargeException} past {@code max} bytes. Hand
     * written: Commons IO's BoundedInputStream stops silently at its bound (a truncated body would parse), and
     * Tomcat's own limits cover form posts and multipart only.
     */
    private static final class Stream extends ServletInputStream {
        private final InputStream in;
        private final long max;
        private long read;
        private boolean finished;

        Stream(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n < 0) {
                finished = true;
                return;
            }
            read += n;
            if (read > max) {
                throw new BodyTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("blocking reads only");
        }
    }
}
