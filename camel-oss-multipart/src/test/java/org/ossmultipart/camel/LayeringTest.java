package org.ossmultipart.camel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, enforced: the wire client ({@code oss}) below the upload engine ({@code upload}) and
 * the janitor's scan ({@code janitor}), all free of Camel, under the thin Camel glue; the client's
 * internals private to it; the local test server independent of the component.
 */
class LayeringTest {

    static final String BASE = "org.ossmultipart.camel";

    static JavaClasses component;
    static JavaClasses testkit;

    @BeforeAll
    static void importClasses() {
        component = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        testkit = new ClassFileImporter().importPackages("org.ossmultipart.testkit");
    }

    @Test
    void noCamelBelowTheGlue() {
        noClasses()
                .that()
                .resideInAnyPackage(BASE + ".oss..", BASE + ".upload..", BASE + ".janitor..", BASE + ".units..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.camel..")
                .because("the wire client, the engine and the scan work without Camel")
                .check(component);
    }

    @Test
    void theWireClientKnowsNothingAboveIt() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".oss..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".upload..", BASE + ".janitor..")
                .because("the wire client is the bottom layer")
                .check(component);
    }

    @Test
    void theEngineDoesNotKnowTheJanitor() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".upload..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE, BASE + ".janitor..")
                .check(component);
    }

    @Test
    void theScanDoesNotKnowTheGlue() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".janitor..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE)
                .check(component);
    }

    @Test
    void nothingOutsideTheWireClientUsesItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".oss..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".oss.internal..")
                .check(component);
    }

    @Test
    void theTestServerIsIndependentOfTheComponent() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + "..")
                .because("the server is an independent oracle: a bug shared with the client would pass every test")
                .check(testkit);
    }
}
