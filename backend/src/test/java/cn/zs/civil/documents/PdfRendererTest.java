package cn.zs.civil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;


import cn.zs.civil.documents.DocumentText.Fact;
import cn.zs.civil.documents.DocumentText.Section;
import cn.zs.civil.support.Pdfs;

/** A document rendered with the shipped font: its Chinese text can be read back, its QR code decodes to its URL. */
class PdfRendererTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final String URL = "https://zwfw.example.gov.cn/verify/MZWS-2026-00000042.demo-documents.AbCdEfGhIjKlMnOpQrStUv";

    private static DocumentText marriage(String partyB) {
        return new DocumentText("结婚登记电子证照（副本）",
                List.of(new Fact("结婚证字号", "J442000-2026-000017"), new Fact("登记日期", "2026年5月20日"),
                        new Fact("当事人（甲）", "王小明"), new Fact("甲方身份证件号码", "4420**********1315"),
                        new Fact("当事人（乙）", partyB), new Fact("登记机关", "中山市民政局婚姻登记处")),
                List.of(new Section(null, List.of("上列当事人经本机关依法办理结婚登记，发给结婚证。"))));
    }

    private static byte[] render(DocumentText text) {
        return RENDERER.render(text, new PdfRenderer.Issue("中山市民政局", "MZWS-2026-00000042", "2026年5月20日", URL));
    }

    @Test
    void theFactsAreInThePdfTextInChineseWithTheFontEmbedded() throws Exception {
        byte[] pdf = render(marriage("吴婷"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("结婚登记电子证照（副本）", "J442000-2026-000017", "王小明", "吴婷",
                    "4420**********1315", "中山市民政局婚姻登记处", "2026年5月20日", "MZWS-2026-00000042");
            assertThat(text).doesNotContain("〔U+");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.getName()).contains("WenQuanYi");
            assertThat(font.isEmbedded()).isTrue();
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void theQrCodeOnThePageDecodesToTheVerificationUrl() throws Exception {
        assertThat(Pdfs.qrOf(render(marriage("吴婷")))).isEqualTo(URL);
    }

    @Test
    void aCharacterTheFontLacksIsPrintedAsItsCodePointWithANote() throws Exception {
        assertThat(RENDERER.covers("𠮷".codePointAt(0))).isFalse();
        assertThat(RENDERER.covers('婷')).isTrue();
        assertThat(Pdfs.textOf(render(marriage("𠮷祥")))).contains("〔U+20BB7〕祥", "本文书字库未收录的字");
    }

    @Test
    void markupInAFactIsPrintedAsText() throws Exception {
        assertThat(Pdfs.textOf(render(marriage("<b>吴婷</b> & \"x\"")))).contains("<b>吴婷</b> & \"x\"");
    }
}
