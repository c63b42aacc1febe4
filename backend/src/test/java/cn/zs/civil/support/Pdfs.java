package cn.zs.civil.support;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a PDF the platform issued as a person would: its text (PDFBox) and the QR code on its first page (ZXing). */
public final class Pdfs {

    private Pdfs() {
    }

    public static String textOf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The QR code on the first page, rendered at 150 dpi. */
    public static String qrOf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code on the page", e);
        }
    }
}
