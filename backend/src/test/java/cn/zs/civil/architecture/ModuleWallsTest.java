package cn.zs.civil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls between the platform's modules (the packages under {@code cn.zs.civil}, docs/architecture.md), checked
 * on the compiled main classes in every {@code ./mvnw verify}: no module depends on another that depends back on it,
 * and the floor (the problem vocabulary, the clock, data protection, the audit log) depends on nothing above it.
 */
@AnalyzeClasses(packages = "cn.zs.civil", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleWallsTest {

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("cn.zs.civil.(*)..").should().beFreeOfCycles()
            .because("a cycle makes two modules one; the audit, identity and web cycle was cut in two");

    @ArchTest
    static final ArchRule theProblemVocabularyIsTheLowestFloor = noClasses()
            .that().resideInAPackage("cn.zs.civil.problem..")
            .should().dependOnClassesThat(modulesBut("problem"))
            .because("every module, the clock included, throws its problems in the one vocabulary");

    @ArchTest
    static final ArchRule theClockAndDataProtectionStandOnTheirOwn = noClasses()
            .that().resideInAnyPackage("cn.zs.civil.clock..", "cn.zs.civil.protection..")
            .should().dependOnClassesThat(modulesBut("clock", "protection", "problem"));

    @ArchTest
    static final ArchRule theAuditLogStandsOnTheFloorOnly = noClasses()
            .that().resideInAPackage("cn.zs.civil.audit..")
            .should().dependOnClassesThat(modulesBut("audit", "clock", "protection", "problem"))
            .because("everything records in the audit log: it must not know who records");

    @ArchTest
    static final ArchRule theOutboxStandsOnTheFloorOnly = noClasses()
            .that().resideInAPackage("cn.zs.civil.outbox..")
            .should().dependOnClassesThat(modulesBut("outbox", "clock", "protection", "problem", "web"))
            .because("decisions of every module write to the outbox (Amendment 14): it must not know who writes");

    @ArchTest
    static final ArchRule noModuleReachesIntoTheServices = noClasses()
            .that().resideInAnyPackage("cn.zs.civil.application..", "cn.zs.civil.worklist..", "cn.zs.civil.clock..",
                    "cn.zs.civil.forms..", "cn.zs.civil.identity..", "cn.zs.civil.web..", "cn.zs.civil.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zs.civil.funeral..", "cn.zs.civil.marriage..",
                    "cn.zs.civil.socialorg..", "cn.zs.civil.placename..", "cn.zs.civil.rating..", "cn.zs.civil.demo..")
            .because("the services build on the case and the work queue, never the other way round");

    @ArchTest
    static final ArchRule theCaseKernelDoesNotKnowWhoIsNotified = noClasses()
            .that().resideInAnyPackage("cn.zs.civil.application..", "cn.zs.civil.worklist..", "cn.zs.civil.clock..",
                    "cn.zs.civil.forms..", "cn.zs.civil.identity..", "cn.zs.civil.web..", "cn.zs.civil.audit..",
                    "cn.zs.civil.outbox..")
            .should().dependOnClassesThat().resideInAPackage("cn.zs.civil.notification..")
            .because("notifications listen to the case's events and the services call them, never the other way round");

    @ArchTest
    static final ArchRule onlyTheWorklistWritesTheOpenTasks = noClasses()
            .that().resideOutsideOfPackage("cn.zs.civil.worklist..")
            .should(OpenTaskWrites.WRITE_THE_OPEN_TASK_TABLE)
            .because("the open tasks have one read model, kept by the worklist's engine hook; other modules read it"
                    + " through worklist.OpenTasks");

    @ArchTest
    static final ArchRule theRuleSeesTheWorklistsOwnWrites = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().haveFullyQualifiedName("cn.zs.civil.worklist.WorkItemMapper")
            .should(OpenTaskWrites.WRITE_THE_OPEN_TASK_TABLE)
            .because("the rule above must be able to fail: it sees the one writer's statements");

    /** Classes of any module of the platform but the given ones. */
    private static DescribedPredicate<JavaClass> modulesBut(String... allowed) {
        return JavaClass.Predicates.resideInAPackage("cn.zs.civil..").and(JavaClass.Predicates.resideOutsideOfPackages(
                java.util.Arrays.stream(allowed).map(m -> "cn.zs.civil." + m + "..").toArray(String[]::new)));
    }
}
