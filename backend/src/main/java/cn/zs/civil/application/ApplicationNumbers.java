package cn.zs.civil.application;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Application numbers a person can read aloud over the counter or the phone (BZB-20261128-0007: service, day,
 * sequence), and query codes for public tracking that avoid look-alike characters (no 0/O, 1/I/L).
 */
@Component
class ApplicationNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 8;

    private final Sequences sequences;
    private final SecureRandom random = new SecureRandom();

    ApplicationNumbers(Sequences sequences) {
        this.sequences = sequences;
    }

    /**
     * Drawn in a short transaction of its own ({@link Sequences#draw}): unique and increasing per service and day;
     * a submission that fails after drawing leaves a gap (application numbers are not controlled stock).
     */
    String next(String prefix) {
        String day = BusinessTime.now().format(DAY);
        return "%s-%s-%04d".formatted(prefix, day, sequences.draw(prefix + "-" + day));
    }

    String queryCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < CODE_LENGTH; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
