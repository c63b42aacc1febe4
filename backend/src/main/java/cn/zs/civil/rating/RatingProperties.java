package cn.zs.civil.rating;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zs.civil.catalogue.ServiceCatalogue;

/**
 * The rating rules that are configuration, not law fixed for Guangdong ([S]/[M] in the domain brief): the window
 * before the default rating, which closures without a decision still count as a service received, the
 * rectification deadline of a bad-rating work order, and who works and re-reviews it.
 */
@ConfigurationProperties("platform.ratings")
public record RatingProperties(Duration window, List<String> ratedClosures, ServiceCatalogue.Limit rectificationLimit,
        String workOrderGroup, String reReviewGroup, int commentMaxLength) {

    public RatingProperties {
        window = window == null ? Duration.ofDays(7) : window;
        ratedClosures = ratedClosures == null ? List.of() : List.copyOf(ratedClosures);
        rectificationLimit = rectificationLimit == null
                ? new ServiceCatalogue.Limit(5, ServiceCatalogue.Unit.WORKING) : rectificationLimit;
        workOrderGroup = workOrderGroup == null ? "section-chief" : workOrderGroup;
        reReviewGroup = reReviewGroup == null ? "director" : reReviewGroup;
        commentMaxLength = commentMaxLength <= 0 ? 500 : commentMaxLength;
    }
}
