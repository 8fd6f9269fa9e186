package vn.kiosk.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packages of the server form layers: each has one home, and none reaches back up. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.kiosk.server");
    }

    @Test
    @DisplayName("No two packages depend on each other, directly or through others")
    void noCycles() {
        slices().matching("vn.kiosk.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("http/ is the HTTP edge only: it depends on no feature package")
    void httpDependsOnNoFeature() {
        noClasses().that().resideInAPackage("vn.kiosk.server.http..").should().dependOnClassesThat()
                .resideOutsideOfPackages("vn.kiosk.server.http..", "java..", "javax..", "io.vertx..", "io.netty..",
                        "org.slf4j..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    @DisplayName("Only the root package wires the features together")
    void nothingDependsOnTheRoot() {
        noClasses().that().resideOutsideOfPackage("vn.kiosk.server").should().dependOnClassesThat()
                .resideInAPackage("vn.kiosk.server").check(classes);
    }
}
