package io.portcullis.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering every module's code keeps, checked by the build rather than by review. A module runs it
 * against every Portcullis class on its classpath (its own and the libraries it uses):
 *
 * <pre>{@code
 * class IdentityArchitectureTest extends ArchitectureContract { }
 * }</pre>
 *
 * <ul>
 *   <li>a {@code domain} package (deciders, commands, events, state) imports no Kafka, Quarkus, CDI,
 *       Jakarta REST, Jackson, Avro or registry classes;</li>
 *   <li>an {@code api} package (HTTP edge) imports no Avro, Kafka or registry classes;</li>
 *   <li>libraries never import services, and services never import each other;</li>
 *   <li>no two packages import each other, directly or around a circle.</li>
 * </ul>
 */
public abstract class ArchitectureContract {

    static final String[] SERVICES = {
        "io.portcullis.identity..", "io.portcullis.policy..", "io.portcullis.org..", "io.portcullis.credential..",
        "io.portcullis.authz.."};
    static final String[] LIBRARIES = {
        "io.portcullis.iam..", "io.portcullis.events..", "io.portcullis.policylang..", "io.portcullis.runtime..",
        "io.portcullis.testkit.."};
    static final String[] FRAMEWORKS_AND_WIRE = {
        "org.apache.kafka..", "io.quarkus..", "jakarta..", "io.smallrye..", "io.vertx..", "org.eclipse.microprofile..",
        "com.fasterxml.jackson..", "org.apache.avro..", "io.apicurio.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importPortcullisClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.portcullis");
    }

    @Test
    void domainPackagesImportNoFrameworkNoKafkaNoJsonAndNoAvro() {
        noClasses().that().resideInAPackage("io.portcullis..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_WIRE)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void apiPackagesImportNoAvroAndNoKafka() {
        noClasses().that().resideInAPackage("io.portcullis..api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "io.apicurio..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void librariesNeverImportServices() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void servicesNeverImportEachOther() {
        slices().matching("io.portcullis.(identity|policy|org|credential|authz)..")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void packagesImportEachOtherInOneDirectionOnly() {
        slices().matching("io.portcullis.(**)")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }
}
