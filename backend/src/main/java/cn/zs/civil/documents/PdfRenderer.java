package cn.zs.civil.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a {@link DocumentText} to PDF: the XHTML template {@code documents/document.zh.xhtml} filled with the
 * document's facts and paragraphs (every value escaped), OpenHTMLtoPDF with the CJK font shipped in the jar
 * ({@code fonts/wqy-zenhei-gb2312.ttf.gz}: WenQuanYi Zen Hei subset to GB2312 and the characters of the platform's
 * texts, stored compressed: 1.3 MB instead of 2.2 in the repository and the jar; opened once at start-up), and a QR code (ZXing) to the document's public verification page.
 *
 * <p>A character the font lacks (a rare name character outside the subset, e.g. 𠮷) is never dropped silently:
 * it is printed as its code point in brackets, {@code 〔U+20BB7〕}, and the document carries a note saying so.
 */
@Component
class PdfRenderer {

    static final String FONT = "fonts/wqy-zenhei-gb2312.ttf.gz";
    static final String FONT_FAMILY = "WQY ZenHei";
    private static final String TEMPLATE = "documents/document.zh.xhtml";

    private final byte[] font;
    private final TrueTypeFont glyphs;
    private final String template;

    static {
        // OpenHTMLtoPDF logs every stage of every rendering at INFO through java.util.logging: warnings only.
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    PdfRenderer() {
        this.font = resource(FONT);
        this.template = new String(resource(TEMPLATE), StandardCharsets.UTF_8);
        try {
            this.glyphs = new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page says beyond the text: the issuer, the serial number, the date, the verification link. */
    record Issue(String authority, String serial, String issuedAt, String verifyUrl) {
    }

    byte[] render(DocumentText text, Issue issue) {
        Missing missing = new Missing();
        StringBuilder facts = new StringBuilder("<table class=\"facts\">");
        for (DocumentText.Fact f : text.facts()) {
            facts.append("<tr><td class=\"label\">").append(missing.escape(f.label())).append("</td><td>")
                    .append(missing.escape(f.value())).append("</td></tr>");
        }
        facts.append("</table>");
        StringBuilder sections = new StringBuilder();
        for (DocumentText.Section s : text.sections()) {
            if (s.lines().isEmpty()) {
                continue;
            }
            if (s.heading() != null) {
                sections.append("<h2>").append(missing.escape(s.heading())).append("</h2>");
            }
            for (String line : s.lines()) {
                sections.append("<p>").append(missing.escape(line)).append("</p>");
            }
        }
        String title = missing.escape(text.title());
        String authority = missing.escape(issue.authority());
        String note = missing.any ? "<p class=\"note\">" + escapeXml(
                "注：以〔U+……〕表示的字为本文书字库未收录的字（以其统一码编码标示），以登记档案为准。") + "</p>" : "";
        Map<String, String> slots = Map.ofEntries(
                Map.entry("title", title),
                Map.entry("authority", authority),
                Map.entry("serialLabel", "文书编号："),
                Map.entry("serial", escapeXml(issue.serial())),
                Map.entry("facts", facts.toString()),
                Map.entry("sections", sections.toString()),
                Map.entry("issuedAt", escapeXml(issue.issuedAt())),
                Map.entry("note", note),
                Map.entry("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qr(issue.verifyUrl()))),
                Map.entry("verifyText", escapeXml("扫描二维码或访问下列网址，核验本文书的真实性和有效性：")),
                Map.entry("verifyUrl", escapeXml(issue.verifyUrl())),
                Map.entry("footer", escapeCss(issue.authority() + " · " + issue.serial())));
        String html = fill(template, slots);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(font), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.withProducer("Zhongshan civil-affairs platform");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A QR code of the URL as a PNG (error correction M, quiet zone 2 modules). */
    static byte[] qr(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 360, 360,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
    }

    /** Whether the shipped font draws this code point. */
    boolean covers(int codePoint) {
        try {
            return codePoint < 0x20 || glyphs.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Escapes text for the template and marks the characters the font lacks. */
    private final class Missing {
        boolean any;

        String escape(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp) || covers(cp)) {
                    out.append(escapeXml(new String(Character.toChars(cp))));
                } else {
                    any = true;
                    out.append("〔U+").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append('〕');
                }
            });
            return out.toString();
        }
    }

    private static String fill(String template, Map<String, String> slots) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                out.append(template, at, template.length());
                return out.toString();
            }
            int close = template.indexOf("}}", open);
            out.append(template, at, open);
            String slot = slots.get(template.substring(open + 2, close));
            if (slot == null) {
                throw new IllegalStateException("template slot " + template.substring(open, close + 2));
            }
            out.append(slot);
            at = close + 2;
        }
    }

    static String escapeXml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\n' || cp == '\t') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Text inside a CSS string in the template's style element: quotes and backslashes escaped, XML-escaped. */
    private static String escapeCss(String s) {
        return escapeXml(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "").replace(">", ""));
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            if (!path.endsWith(".gz")) {
                return in.readAllBytes();
            }
            try (InputStream plain = new java.util.zip.GZIPInputStream(in)) {
                return plain.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
