package cn.zs.civil.appointment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.web.ProblemResponses;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The booking's front door: each booking request for a band takes one of its places here, from this node's gate
 * ({@link SlotGates}, renewed from the slot's row when it expires), before the sign-in, the session and the rest of
 * the request's cost; when none is left it is told "full" here and then. On 5-20 thousands ask for the same band at
 * 08:30: as soon as as many requests as there are places have gone in, every other one gets this answer, instead of
 * waiting seconds behind the bookings being signed in and written on two cores. A request that books nothing (a
 * refusal, a failed sign-in, a repeat of a booking already made) gives its place back when it ends.
 * <p>
 * It answers only what anyone can see on the public availability page (a full band), and only to a request that
 * carries credentials (an anonymous one goes on, to be asked to sign in). It cannot tell a repeat of a booking that
 * went through (the caller is not known yet), so the text says that a booking already made stands. Everything else
 * goes on unchanged, its body handed on as read (at most {@link #MAX_BODY} bytes are looked at).
 */
class BookingFrontDoor extends OncePerRequestFilter {

    static final int MAX_BODY = 4096;
    /** The request attribute holding the place the door took for the request ({@link SlotGates#admit}). */
    static final String ADMITTED = "cn.zs.civil.appointment.BookingFrontDoor.admitted";

    private final AppointmentService appointments;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final String sessionCookie;
    BookingFrontDoor(AppointmentService appointments, ObjectMapper json, MessageSource messages,
            LocaleResolver locales, String sessionCookie) {
        this.appointments = appointments;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/api/appointments".equals(request.getRequestURI())
                || request.getContentLengthLong() <= 0 || request.getContentLengthLong() > MAX_BODY
                || !credentials(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        Asked asked = asked(body);
        AppointmentService.Door door = asked == null ? AppointmentService.Door.ON
                : appointments.atTheDoor(asked.service(), asked.office(), asked.day(), asked.band());
        if (door.full()) {
            ProblemResponses.write(json, messages, locales.resolveLocale(request), response, HttpStatus.CONFLICT,
                    "appointment.fullAtTheDoor", List.of(), asked.day().toString());
            return;
        }
        SlotGates.Attempt admitted = door.admitted();
        if (admitted != null) {
            request.setAttribute(ADMITTED, admitted);
        }
        boolean answerLater = false;
        try {
            chain.doFilter(new Replayed(request, body), response);
            answerLater = admitted != null && request.isAsyncStarted();
            if (answerLater) {
                request.getAsyncContext().addListener(new ReleaseAtTheEnd(admitted));
            }
        } finally {
            if (admitted != null && !answerLater) {
                admitted.release();
            }
        }
    }

    /** The request is answered when its booking's batch has committed: its place is given back (or not) then. */
    private record ReleaseAtTheEnd(SlotGates.Attempt admitted) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            admitted.release();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            admitted.release();
        }

        @Override
        public void onError(AsyncEvent event) {
            admitted.release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    /** The band a booking request asks for. */
    private record Asked(String service, String office, LocalDate day, String band) {
    }

    /** The band asked for, when the body names one; otherwise null (the request goes on as it is). */
    private Asked asked(byte[] body) {
        if (body.length > MAX_BODY) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            String service = node.path("service").asText(null);
            String office = node.path("office").asText(null);
            String day = node.path("day").asText(null);
            String band = node.path("band").asText(null);
            if (service == null || office == null || day == null || band == null || day.length() != 10) {
                return null;
            }
            return new Asked(service, office, LocalDate.parse(day), band);
        } catch (IOException | DateTimeParseException e) {
            return null; // not for the door to judge: the endpoint answers it field by field
        }
    }

    private boolean credentials(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : request.getCookies()) {
                if (sessionCookie.equals(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request with its body as the door read it. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
