package cn.zs.civil.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.zs.civil.problem.FieldProblem;

/** Brief §1(a), §1(d): each party's document number in the form of the document chosen; authorised registries. */
class PartyDocumentCheckTest {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Map<String, Object> couple(String district, String typeB, String numberB) {
        Map<String, Object> values = new HashMap<>(Map.of("district", district, "partyAIdNumber", "442000199303050011",
                "partyBIdNumber", numberB));
        if (typeB != null) {
            values.put("partyBIdType", typeB);
            values.put("partyBSex", "F");
            values.put("partyBBirthDate", "1995-05-05");
        }
        return values;
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void eachDocumentsNumberHasItsOwnForm_R55() {
        Map<PartyDocument, List<String>> good = Map.of(
                PartyDocument.RESIDENT_ID, List.of("44200019930305001X"),
                PartyDocument.HMT_RESIDENCE_PERMIT, List.of("810000199003070012", "830000198512120029"),
                PartyDocument.HK_MACAO_PERMIT, List.of("H12345678", "M1234567801"),
                PartyDocument.TAIWAN_PERMIT, List.of("12345678", "12345678B1"),
                PartyDocument.OVERSEAS_CHINESE_PASSPORT, List.of("E12345678", "EA1234567", "G12345678"),
                PartyDocument.FOREIGN_PASSPORT, List.of("C03005988", "X1234567"),
                PartyDocument.FOREIGN_PERMANENT_RESIDENCE, List.of("USA123456789012", "933000199001010011"));
        Map<PartyDocument, List<String>> bad = Map.of(
                PartyDocument.RESIDENT_ID, List.of("H12345678", "44200019930305001"),
                PartyDocument.HMT_RESIDENCE_PERMIT, List.of("442000199303050011"),
                PartyDocument.HK_MACAO_PERMIT, List.of("H1234567", "A12345678"),
                PartyDocument.TAIWAN_PERMIT, List.of("1234567"),
                PartyDocument.OVERSEAS_CHINESE_PASSPORT, List.of("P12345678"),
                PartyDocument.FOREIGN_PASSPORT, List.of("C03-005988"),
                PartyDocument.FOREIGN_PERMANENT_RESIDENCE, List.of("C03005988"));
        for (PartyDocument d : PartyDocument.values()) {
            assertThat(good.get(d)).as(d.name()).allMatch(d::matches);
            assertThat(bad.get(d)).as(d.name()).noneMatch(d::matches);
        }
        assertThat(PartyDocument.of(null)).isEqualTo(PartyDocument.RESIDENT_ID);
        assertThat(PartyDocument.of("")).isEqualTo(PartyDocument.RESIDENT_ID);
        assertThat(PartyDocument.of("TAIWAN_PERMIT").mainland()).isFalse();
    }

    @Test
    void aMarriageWithAPartyWhoIsNotAMainlandResidentIsRefusedAtARegistryTheProvinceHasNotAuthorised_R55() {
        PartyDocumentCheck onlyShiqi = new PartyDocumentCheck(messages(), List.of("shiqi", " "));
        List<FieldProblem> xiaolan = onlyShiqi.check("marriage-registration",
                couple("xiaolan", "TAIWAN_PERMIT", "12345678"), Locale.SIMPLIFIED_CHINESE);
        assertThat(codes(xiaolan)).containsExactly("district:marriage.document.registryNotAuthorised");
        assertThat(xiaolan.get(0).label()).isEqualTo("登记机关所在镇街");
        assertThat(xiaolan.get(0).message()).startsWith("本登记机关未获授权办理涉及港澳台居民");
        assertThat(onlyShiqi.check("divorce-registration", couple("xiaolan", "TAIWAN_PERMIT", "12345678"),
                Locale.ENGLISH)).extracting(FieldProblem::message).containsExactly("This registry is not authorised for"
                        + " registrations with a Hong Kong, Macao or Taiwan resident, an overseas Chinese or a"
                        + " foreigner; the couple must go to an authorised registry.");
        assertThat(onlyShiqi.check("marriage-registration", couple("shiqi", "TAIWAN_PERMIT", "12345678"),
                Locale.SIMPLIFIED_CHINESE)).isEmpty();
        // Two mainland residents may register anywhere (nationwide handling).
        assertThat(onlyShiqi.check("marriage-registration", couple("xiaolan", null, "442000199303050020"),
                Locale.SIMPLIFIED_CHINESE)).isEmpty();
        // Not configured: every registry.
        assertThat(new PartyDocumentCheck(messages(), List.of()).check("marriage-registration",
                couple("xiaolan", "TAIWAN_PERMIT", "12345678"), Locale.SIMPLIFIED_CHINESE)).isEmpty();
        // Other services are not this check's.
        assertThat(onlyShiqi.check("funeral-waiver", couple("xiaolan", "TAIWAN_PERMIT", "1"), Locale.ENGLISH)).isEmpty();
    }
}
