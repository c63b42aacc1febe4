package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.Sequences;
import cn.zs.civil.catalogue.ServiceCatalogue.Text;
import cn.zs.civil.protection.DataCipher;
import cn.zs.civil.protection.SealedText;

/** Foundations: refused as not competent, naming the province; handled like the others under a delegation. */
class FoundationCompetenceTest {

    private static final String NO = "SZC-20261129-0007";
    private static final Text PROVINCE = new Text("广东省民政厅", "Department of Civil Affairs of Guangdong Province");

    private final SocialOrgMapper mapper = mock(SocialOrgMapper.class);
    private final ApplicationService applications = mock(ApplicationService.class);
    private final SealedText sealed = new SealedText(new DataCipher("k1:" + java.util.Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

    private SocialOrgService service(boolean delegated) {
        SocialOrgProperties properties = new SocialOrgProperties(new SocialOrgProperties.Foundations(delegated, PROVINCE),
                new SocialOrgProperties.Names(List.of("中山市"), List.of("第一"), List.of("中国"), List.of("基金会"), 0.6,
                        1, 3), 30, 15,
                10, 5, false, new Text("如不服本决定，可申请行政复议或者提起行政诉讼。", "remedies"));
        when(applications.formData(NO)).thenReturn(Map.of("orgType", "FOUNDATION", "proposedName", "中山市慈航基金会"));
        when(mapper.findByType("FOUNDATION")).thenReturn(List.of());
        return new SocialOrgService(mapper, properties, applications, mock(Sequences.class), new StaticMessageSource(),
                mock(CaseLog.class), sealed);
    }

    @Test
    void withoutADelegationAFoundationIsNotThisBureausAndTheDecisionNamesTheProvince() {
        SocialOrgService.Precheck found = service(false).precheck(NO, "socialorg-establishment");

        assertThat(found.competent()).isFalse();
        verify(mapper).updateCheck(eq(NO), eq("FOUNDATION"), isNull(), isNull(), eq("广东省民政厅"),
                argThat(text -> text.startsWith("enc:v1:k1:")
                        && sealed.open(SealedText.Column.SO_DECISION, NO, text).contains("请向广东省民政厅提出申请")), any());
    }

    @Test
    void underAProvincialDelegationAFoundationIsCheckedLikeAnyOtherOrganisation() {
        SocialOrgService.Precheck found = service(true).precheck(NO, "socialorg-establishment");

        assertThat(found.competent()).isTrue();
        assertThat(found.nameCheck()).isEqualTo("PASSED");
        verify(mapper).updateCheck(eq(NO), eq("FOUNDATION"), eq(""), isNull(), isNull(), isNull(), any());
    }
}
