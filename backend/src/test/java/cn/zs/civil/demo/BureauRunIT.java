package cn.zs.civil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.Attachments;
import cn.zs.civil.appointment.AppointmentService;
import cn.zs.civil.marriage.DivorceService;
import cn.zs.civil.rating.RatingService;
import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.reports.ReportsService;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.worklist.WorklistService;

/**
 * The bureau's year at a small scale, run through the real services and engine (no SQL): the year's annual
 * statistics equal the plan's scaled seed figures line by line, the online share included (the couples book online
 * through the appointment service, but for the plan's walk-ins).
 * 2016: a year no other test touches.
 */
class BureauRunIT extends ApiTestBase {

    private static final int YEAR = 2016;

    @Autowired
    ApplicationService applications;
    @Autowired
    Attachments attachments;
    @Autowired
    WorklistService worklist;
    @Autowired
    DivorceService divorces;
    @Autowired
    RatingService ratings;
    @Autowired
    DemoRegistry registry;
    @Autowired
    TaskService tasks;
    @Autowired
    ReportsService reports;
    @Autowired
    AppointmentService appointments;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void aSmallYearThroughThePlatformGivesThePlannedFiguresLineByLine() {
        BureauPlan plan = BureauPlan.year(YEAR, 0.0015, 11);
        BureauRun run = new BureauRun(applications, attachments, worklist, divorces, ratings, registry, tasks, runtime,
                management, appointments);
        BureauRun.Outcome outcome = run.run(plan, LocalDate.of(YEAR, 12, 31).atTime(23, 59, 59), done -> { });

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.cases()).isEqualTo(plan.cases.size());
        ReportsService.AnnualReport annual = reports.annual(YEAR, null);
        List<BureauYear.Line> lines = BureauYear.lines(plan, annual);
        assertThat(lines).hasSize(9).allSatisfy(l -> assertThat(l.equal()).as(l.toString()).isTrue());
        // The online share is made of what the plan says: the walk-ins are the plan's, every other marriage and
        // divorce was booked online, the funeral home's waivers granted without an application, the rest online.
        ReportsService.OnlineShare online = annual.bureau().online();
        long counter = plan.cases.stream().filter(c -> c.service() == BureauPlan.Service.MARRIAGE
                || c.service() == BureauPlan.Service.DIVORCE).count();
        long funeralHome = plan.cases.stream().filter(c -> c.service() == BureauPlan.Service.FUNERAL).count();
        assertThat(plan.walkIns).isPositive();
        assertThat(online.received()).isEqualTo(plan.received());
        assertThat(online.walkIns()).isEqualTo(plan.walkIns);
        assertThat(online.bookedOnline()).isEqualTo(counter - plan.walkIns);
        assertThat(online.grantedWithoutApplication()).isEqualTo(funeralHome);
        assertThat(online.appliedOnline()).isEqualTo(plan.received() - counter - funeralHome);
        assertThat(annual.bureau().onlineShare()).isEqualByComparingTo(plan.onlineShare());
        // Each booking was used by its case (served), none left standing or marked a no-show.
        assertThat(count("select count(*) from appt_booking where status = 'SERVED' and slot_day >= ? and slot_day < ?",
                LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 1, 1))).isEqualTo(counter - plan.walkIns);
        assertThat(plan.targets.marriages()).isEqualTo(18);
        assertThat(plan.targets.waivers()).isEqualTo(16);
        // Every case was received in the year and went through the engine: each has a process instance in history.
        assertThat(count("select count(*) from application where received_at >= ? and received_at < ?",
                LocalDate.of(YEAR, 1, 1).atStartOfDay(), LocalDate.of(YEAR + 1, 1, 1).atStartOfDay()))
                .isEqualTo(plan.cases.size());
    }
}
