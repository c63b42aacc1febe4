package cn.zs.civil.socialorg;

/**
 * Change and cancellation start from an organisation already in the register: the automated check is whether it is
 * this bureau's and filed in time, and the first step after acceptance is the review.
 */
abstract class RegisteredOrganisationProcessTestBase extends SocialOrgProcessTestBase {

    @Override
    String checkBean() {
        return "checkSocialOrgFilingDelegate";
    }

    @Override
    String checkActivity() {
        return "Task_CheckFiling";
    }

    @Override
    String proceedVariable() {
        return SocialOrgProcess.VAR_REGISTERED_HERE;
    }

    @Override
    String firstStepAfterAcceptance() {
        return "Task_Review";
    }

    @Override
    String notCompetentEnd() {
        return "EndEvent_NotRegisteredHere";
    }
}
