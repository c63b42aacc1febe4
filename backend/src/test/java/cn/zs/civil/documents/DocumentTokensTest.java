package cn.zs.civil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verification token: genuine ones name their serial number; forged, altered or unknown-key ones nothing. */
class DocumentTokensTest {

    private static final String OLD = "old:" + "A".repeat(43) + "=";
    private static final String NEW = "new:" + "B".repeat(43) + "=";

    private static DocumentTokens tokens(String keys) {
        return new DocumentTokens(new DocumentProperties(keys, null, 0, 0));
    }

    @Test
    void aSignedTokenVerifiesAndNamesItsDocument() {
        DocumentTokens t = tokens(NEW);
        String token = t.sign("MZWS-2026-00000001");
        assertThat(token).startsWith("MZWS-2026-00000001.new.");
        assertThat(t.verify(token)).contains("MZWS-2026-00000001");
    }

    @Test
    void aTokenForAnotherSerialOrWithAnAlteredMacIsForged() {
        DocumentTokens t = tokens(NEW);
        String token = t.sign("MZWS-2026-00000001");
        assertThat(t.verify(token.replace("00000001", "00000002"))).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(t.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(t.verify("MZWS-2026-00000001.new.")).isEmpty();
        assertThat(t.verify("garbage")).isEmpty();
        assertThat(t.verify(null)).isEmpty();
        assertThat(t.verify("x".repeat(500))).isEmpty();
        assertThat(tokens(OLD).verify(token)).as("signed by a key this node does not hold").isEmpty();
    }

    @Test
    void aRotatedKeyStillVerifiesWhatTheOldOneSigned() {
        String signedBefore = tokens(OLD).sign("MZWS-2026-00000001");
        DocumentTokens rotated = tokens(NEW + "," + OLD);
        assertThat(rotated.verify(signedBefore)).contains("MZWS-2026-00000001");
        assertThat(rotated.sign("MZWS-2026-00000001")).contains(".new.");
    }
}
