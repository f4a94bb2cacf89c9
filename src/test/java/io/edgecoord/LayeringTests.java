package io.edgecoord;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.ResourceManager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A call travels one line, invocation → scheduler → execution (docs/architecture.md, "Layers of a
 * call"): a layer may use the public types of those below it, never those above, and only the
 * scheduler places and runs calls on the pool.
 */
class LayeringTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.edgecoord");

    @Test
    void executionKnowsNeitherTheSchedulerNorInvocationsNorTasks() {
        noClasses().that().resideInAPackage("io.edgecoord.execution..")
                .should().dependOnClassesThat().resideInAnyPackage("io.edgecoord.scheduler..",
                        "io.edgecoord.invocation..", "io.edgecoord.task..")
                .check(MAIN);
    }

    @Test
    void theSchedulerKnowsNoInvocationRecords() {
        noClasses().that().resideInAPackage("io.edgecoord.scheduler..")
                .should().dependOnClassesThat().resideInAPackage("io.edgecoord.invocation..")
                .check(MAIN);
    }

    @Test
    void onlyTheSchedulerPlacesAndRunsCallsOnThePool() {
        noClasses().that().resideOutsideOfPackages("io.edgecoord.execution..", "io.edgecoord.scheduler..")
                .should().dependOnClassesThat().areAssignableTo(ResourceManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(ResourceManager.Lease.class)
                .check(MAIN);
    }
}
