package vn.kiosk.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
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

    /**
     * HTTP classes that still run SQL themselves, each for a stated reason. Remove a name once its SQL has moved
     * into a store of its aggregate; never add one.
     */
    static final Set<String> SQL_IN_HTTP_ALLOWED = Set.of(
            // the wiring: /health asks the database one "select 1", which is what it reports on
            "vn.kiosk.server.ApiVerticle");

    /** Handlers by name, and any other class that answers a request (it takes a RoutingContext). */
    static final DescribedPredicate<JavaClass> HTTP = DescribedPredicate.describe(
            "named *Handler or *Handlers, or taking a RoutingContext", c -> {
                String top = c.getName().replaceAll("\\$.*", "");
                boolean http = top.endsWith("Handler") || top.endsWith("Handlers") || c.getDirectDependenciesFromSelf()
                        .stream().anyMatch(d -> d.getTargetClass().isEquivalentTo(RoutingContext.class));
                return http && !SQL_IN_HTTP_ALLOWED.contains(top);
            });

    @Test
    @DisplayName("Handlers are HTTP only: their SQL lives in a store of the aggregate (SiteRepository, UserStore, …)")
    void handlersRunNoSql() {
        noClasses().that(HTTP).should().dependOnClassesThat()
                .resideInAPackage("io.vertx.sqlclient..")
                .because("a handler parses the request, calls a store and maps its records to JSON")
                .check(classes);
    }

    @Test
    @DisplayName("The allow-list of HTTP classes with SQL names only classes that still need it")
    void allowListIsCurrent() {
        for (String name : SQL_IN_HTTP_ALLOWED) {
            JavaClass c = classes.get(name);
            org.assertj.core.api.Assertions.assertThat(c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("io.vertx.sqlclient")))
                    .as(name + " runs no SQL any more: take it off the allow-list").isTrue();
        }
    }
}
