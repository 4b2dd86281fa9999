package io.pylon.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: no framework, protocol, database or JSON types (style guide habits 1 and 5). */
@AnalyzeClasses(packages = "io.pylon.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("io.pylon.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.netty..", "org.jooq..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "io.pylon.ocpp..", "io.pylon.ykc..", "io.pylon.server..",
                    "io.pylon.simulator..", "java.sql..");
}
