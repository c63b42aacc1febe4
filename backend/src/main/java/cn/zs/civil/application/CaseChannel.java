package cn.zs.civil.application;

import cn.zs.civil.catalogue.ServiceCatalogue;

/**
 * How a case reached the bureau, written once on the case at its submission ({@code application.channel}) and never
 * changed (docs/people.md, "The online share"). The online share (网上办理率) counts the first, second and fourth
 * over all cases received; a walk-in is the only case that did not go through the online platform.
 */
public enum CaseChannel {

    /** Applied online (网上申请): the applicant filled in the form on the platform. */
    ONLINE,
    /**
     * Booked online and handled at the counter (网上预约、窗口办理): the check-in carried an appointment number that
     * matched a booking for this service, this day and both parties (rule R77).
     */
    BOOKED,
    /** A walk-in at the counter (窗口现场办理): no application online, no booking. */
    COUNTER,
    /**
     * Granted without an application (免申即享): the funeral home's direct waiver, registered by its staff while the
     * family arranges the cremation; the family applies for nothing.
     */
    NO_APPLICATION;

    /**
     * The case's channel from its service's catalogue channel and whether its check-in carried a matched
     * booking (only a counter service can be booked).
     */
    public static CaseChannel of(ServiceCatalogue.Channel service, boolean bookedOnline) {
        return switch (service) {
            case ONLINE -> ONLINE;
            case NO_APPLICATION -> NO_APPLICATION;
            case COUNTER -> bookedOnline ? BOOKED : COUNTER;
        };
    }
}
