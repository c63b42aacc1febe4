package cn.zs.civil.rating;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zs.civil.catalogue.ServiceCatalogue;

/**
 * The rating rules that are configuration, not law fixed for Guangdong ([S]/[M] in the domain brief): the window
 * before the default rating, which closures without a decision still count as a service received, the
 * rectification deadline of a bad-rating work order, and who works and re-reviews it; how long a counter device's
 * pairing code stays valid, and how long a counter's offer to rate stays on its device, and how many pairing codes one address may try a minute.
 */
@ConfigurationProperties("platform.ratings")
public record RatingProperties(Duration window, List<String> ratedClosures, ServiceCatalogue.Limit rectificationLimit,
        String workOrderGroup, String reReviewGroup, int commentMaxLength, Duration counterPairingValidity,
        Duration counterOfferValidity, int counterClaimsPerMinute) {

    public RatingProperties {
        window = window == null ? Duration.ofDays(7) : window;
        ratedClosures = ratedClosures == null ? List.of() : List.copyOf(ratedClosures);
        rectificationLimit = rectificationLimit == null
                ? new ServiceCatalogue.Limit(5, ServiceCatalogue.Unit.WORKING) : rectificationLimit;
        workOrderGroup = workOrderGroup == null ? "section-chief" : workOrderGroup;
        reReviewGroup = reReviewGroup == null ? "director" : reReviewGroup;
        commentMaxLength = commentMaxLength <= 0 ? 500 : commentMaxLength;
        counterPairingValidity = counterPairingValidity == null ? Duration.ofMinutes(10) : counterPairingValidity;
        counterOfferValidity = counterOfferValidity == null ? Duration.ofMinutes(30) : counterOfferValidity;
        counterClaimsPerMinute = counterClaimsPerMinute <= 0 ? 20 : counterClaimsPerMinute;
    }
}
