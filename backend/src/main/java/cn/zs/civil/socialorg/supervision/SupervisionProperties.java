package cn.zs.civil.socialorg.supervision;

import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.socialorg.supervision}: the figures of the activity-abnormal list and the annual work report
 * (domain brief §2(a) Order No. 60 [S], §2(c) annual report [V]/[S]).
 *
 * @param removalWorkingDays working days after the cure is verified within which an entry is removed (5)
 * @param seriousListAfterYears years on the abnormal list after which an organisation goes to the serious list (2)
 * @param supervisoryDeadline the day of the following year by which the supervisory unit reviews a report (31 March)
 * @param authorityDeadline the day of the following year by which the report reaches the authority (31 May)
 * @param exemptRegisteredFrom organisations registered on or after this day of the report year report from the next
 *        year (Guangdong practice [S]: 1 July)
 * @param sealAndAccountFilingDays days after registration within which the seal specimen and the bank account are
 *        filed (社团条例 Art. 16 sets no period and the brief gives none: 0 = none set, nothing is late)
 */
@ConfigurationProperties("platform.socialorg.supervision")
public record SupervisionProperties(int removalWorkingDays, int seriousListAfterYears, String supervisoryDeadline,
        String authorityDeadline, String exemptRegisteredFrom, int sealAndAccountFilingDays) {

    /** Days are written as ISO month-days (--05-31); a wrong one stops the start-up, naming the property. */
    public SupervisionProperties {
        for (String day : new String[] {supervisoryDeadline, authorityDeadline, exemptRegisteredFrom}) {
            MonthDay.parse(day);
        }
    }

    MonthDay supervisoryDay() {
        return MonthDay.parse(supervisoryDeadline);
    }

    MonthDay authorityDay() {
        return MonthDay.parse(authorityDeadline);
    }

    MonthDay exemptionDay() {
        return MonthDay.parse(exemptRegisteredFrom);
    }
}
