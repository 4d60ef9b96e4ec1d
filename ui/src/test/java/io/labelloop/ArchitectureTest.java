package io.labelloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the dependency directions of the README: ui -> application services <- Camel component, and a
 * model runtime that knows nothing of Spring, Camel or Vaadin. Runs over every module on the classpath.
 */
@AnalyzeClasses(packages = "io.labelloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB = {"..ui..", "io.labelloop.api..", "io.labelloop.security.."};
    private static final String[] MODEL_ROOMS = {"io.labelloop.model.core..", "io.labelloop.model.nn..",
            "io.labelloop.model.text..", "io.labelloop.model.weights..", "io.labelloop.model.infer..",
            "io.labelloop.model.train..", "io.labelloop.model.query.."};
    /** The concepts that once had twins, each to be defined by exactly one class. */
    private static final List<String> ONE_CLASS_EACH = List.of("TrainingMode", "QueryStrategy", "CsvParser");
    /** The twins' names, gone for good: their concepts live under the names above. */
    private static final String RETIRED_TWINS = "TrainMode|SelectionStrategy|CsvColumns";

    @ArchTest
    static final ArchRule onlyTheStoreKnowsOpenSearch = noClasses()
            .that().resideOutsideOfPackage("io.labelloop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..")
            .because("the store owns OpenSearch: dataset, queue and registry code talk to its Documents API, "
                    + "and its one error translation");

    @ArchTest
    static final ArchRule modelRoomsDoNotImportTheModelApi = noClasses()
            .that().resideInAnyPackage(MODEL_ROOMS)
            .should().dependOnClassesThat().resideInAPackage("io.labelloop.model")
            .because("the model runtime's public API sits on top of its rooms; what both need lives in a room");

    @ArchTest
    static final ArchRule productionCodeDoesNotImportBenchmarks = noClasses()
            .that().resideOutsideOfPackage("io.labelloop.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.labelloop.bench..")
            .because("benchmarks stay out of the production paths: the CLI finds the suites through ServiceLoader");

    @ArchTest
    static final ArchRule retiredTwinsStayGone = noClasses()
            .should().haveNameMatching(".*[.$](" + RETIRED_TWINS + ")")
            .because("one name per concept: the model runtime's TrainingMode and QueryStrategy, the importer's "
                    + "CsvParser");

    @ArchTest
    static void eachConceptIsDefinedByOneClass(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(c -> ONE_CLASS_EACH.contains(c.getSimpleName()))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        for (String name : ONE_CLASS_EACH) {
            assertThat(byName.get(name)).as("classes named " + name).hasSize(1);
        }
    }

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
