package cn.zs.civil.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/**
 * 国办发〔2019〕51号: the rating results are made public. Anyone, signed out, reads per service and month the number
 * of ratings and the share of each grade, the grades named in the reader's language; nothing that names a case or a
 * person; a rating annulled in a re-review is not counted; a month that is no month is refused on its field.
 */
class PublicRatingsIT extends ApiTestBase {

    private final List<String> seeded = new ArrayList<>();

    private void rating(String service, LocalDateTime at, int level, boolean defaulted, boolean annulled) {
        String no = "PR-" + service.substring(0, 3).toUpperCase() + "-" + (seeded.size() + 1);
        seeded.add(no);
        jdbc.update("insert into service_rating (application_no, service_code, district, requested_at, window_ends_at,"
                + " rating_level, comment_text, channel, rated_by, rated_at, is_default, review_outcome)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", no, service, "xiaolan", at.minusDays(1), at.plusDays(6),
                level, "态度很好，王科员办事认真", defaulted ? "DEFAULT" : "ONLINE", defaulted ? null : "lisi", at,
                defaulted, annulled ? "ANNULLED" : null);
    }

    @Test
    void theRatingResultsArePublicPerServiceAndMonthWithTheShareOfEachGradeAndNoPersonalData_R39() {
        LocalDateTime march = LocalDateTime.of(2018, 3, 10, 10, 0);
        try {
            rating("marriage-registration", march, 5, false, false);
            rating("marriage-registration", march.plusDays(1), 5, false, false);
            rating("marriage-registration", march.plusDays(2), 4, false, false);
            rating("marriage-registration", march.plusDays(3), 3, true, false);
            rating("marriage-registration", march.plusDays(4), 1, false, false);
            rating("marriage-registration", march.plusDays(5), 1, false, true);
            rating("placename-approval", march.plusMonths(1), 4, false, false);
            rating("placename-approval", march.plusMonths(3), 2, false, false);

            Api anyone = api().anonymous();
            Api.Response r = anyone.get("/api/public/ratings?from=2018-03&to=2018-04");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode body = r.body();
            assertThat(body.path("grades").findValuesAsText("label"))
                    .containsExactly("非常满意", "满意", "基本满意", "不满意", "非常不满意");
            assertThat(body.path("rows").size()).isEqualTo(2);
            JsonNode marriage = body.path("rows").get(0);
            assertThat(marriage.path("month").asText()).isEqualTo("2018-03");
            assertThat(marriage.path("service").asText()).isEqualTo("结婚登记");
            assertThat(marriage.path("ratings").asLong()).isEqualTo(5);
            assertThat(marriage.path("defaulted").asLong()).isEqualTo(1);
            List<String> shares = new ArrayList<>();
            marriage.path("grades").forEach(g -> shares.add(g.path("share").decimalValue().stripTrailingZeros()
                    .toPlainString()));
            assertThat(shares).containsExactly("0.4", "0.2", "0.2", "0", "0.2");
            assertThat(marriage.path("grades").findValuesAsText("count")).containsExactly("2", "1", "1", "0", "1");
            assertThat(marriage.path("satisfiedShare").decimalValue()).isEqualByComparingTo("0.8");
            JsonNode placename = body.path("rows").get(1);
            assertThat(placename.path("month").asText()).isEqualTo("2018-04");
            assertThat(placename.path("ratings").asLong()).isEqualTo(1);
            assertThat(placename.path("grades").get(1).path("share").decimalValue()).isEqualByComparingTo("1");
            // Counts only: no case number, comment, account, district.
            assertThat(r.text()).doesNotContain("PR-", "王科员", "lisi", "xiaolan");

            JsonNode english = api().anonymous().inEnglish().get("/api/public/ratings?from=2018-03&to=2018-06").body();
            assertThat(english.path("grades").get(0).path("label").asText()).isEqualTo("Very satisfied");
            assertThat(english.path("rows").size()).isEqualTo(3);
            assertThat(english.path("rows").get(0).path("service").asText()).isEqualTo("Marriage registration");

            Api.Response bad = anyone.get("/api/public/ratings?from=2018-13&to=2018-02");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("from");
            Api.Response backwards = anyone.get("/api/public/ratings?from=2018-05&to=2018-02");
            assertThat(backwards.status()).isEqualTo(422);
            assertThat(backwards.body().path("errors").findValuesAsText("field")).containsExactly("to");
            assertThat(anyone.get("/api/public/ratings?from=2010-01&to=2018-02").status()).isEqualTo(422);
            // The default: the twelve months up to now.
            assertThat(anyone.get("/api/public/ratings").status()).isEqualTo(200);
        } finally {
            seeded.forEach(no -> jdbc.update("delete from service_rating where application_no = ?", no));
        }
    }
}
