package io.labelloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the dependency directions of the README: ui -> application services <- Camel component, and a
 * model runtime that knows nothing of Spring, Camel or Vaadin. Runs over every module on the classpath.
 */
@AnalyzeClasses(packages = "io.labelloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB = {"..ui..", "io.labelloop.api..", "io.labelloop.security.."};

    @ArchTest
    static final ArchRule onlyTheStoreKnowsOpenSearch = noClasses()
            .that().resideOutsideOfPackage("io.labelloop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..")
            .because("the store owns OpenSearch: dataset, queue and registry code talk to its Documents API, "
                    + "and its one error translation");

    @ArchTest
    static final ArchRule modelRuntimeKnowsNoFramework = noClasses()
            .that().resideInAPackage("io.labelloop.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.vaadin..", "io.labelloop.component..")
            .because("model-runtime must run without Spring, Camel or Vaadin");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheWeb = noClasses()
            .that().resideOutsideOfPackages(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(WEB)
            .because("the views and the REST API sit on top of the application services, never below them");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheComponent = noClasses()
            .that().resideOutsideOfPackage("io.labelloop.component..")
            .should().dependOnClassesThat().resideInAPackage("io.labelloop.component..")
            .because("the Camel component calls the application services, never the other way round");

    @ArchTest
    static final ArchRule webDoesNotDriveCamelDirectly = noClasses()
            .that().resideInAnyPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage("io.labelloop.component..", "org.apache.camel..")
            .because("the UI reaches loops through application services, like the Camel component does");

    @ArchTest
    static final ArchRule viewsUseServicesNotTheStoreClient = noClasses()
            .that().resideInAnyPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..")
            .because("views call services; the store's client stays behind them");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices()
            .matching("io.labelloop.(*)..")
            .should().beFreeOfCycles();
}
