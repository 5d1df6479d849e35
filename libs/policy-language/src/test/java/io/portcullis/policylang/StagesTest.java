package io.portcullis.policylang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library mirrors its stages, each using only the ones before it: syntax → validate → compile → evaluate, and the CLI on top. */
class StagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheLibrary() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.portcullis.policylang");
    }

    @Test
    void eachStageUsesOnlyTheStagesBeforeIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("syntax").definedBy("io.portcullis.policylang.syntax..")
                .layer("validate").definedBy("io.portcullis.policylang.validate..")
                .layer("compile").definedBy("io.portcullis.policylang.compile..")
                .layer("evaluate").definedBy("io.portcullis.policylang.evaluate..")
                .layer("cli").definedBy("io.portcullis.policylang.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("evaluate").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("compile").mayOnlyBeAccessedByLayers("evaluate", "cli")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("compile", "evaluate", "cli")
                .whereLayer("syntax").mayOnlyBeAccessedByLayers("validate", "compile", "evaluate", "cli")
                .check(classes);
    }

    @Test
    void onlyTheParserAndTheCliReadJson() {
        noClasses().that().resideOutsideOfPackages("io.portcullis.policylang.syntax..", "io.portcullis.policylang.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }
}
