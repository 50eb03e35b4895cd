package udpchat.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bench's package rules: the top package runs the scenarios and reports, over {@code load} (the
 * simulated members), {@code wire} (their hand-made datagrams), {@code measure} (counts and the
 * system's readings) and {@code target} (the program under test as a child process); no cycle
 * between them, and none reaches back into the top.
 */
class ArchitectureTest {

  static final JavaClasses BENCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("udpchat.bench");

  @Test
  void noPackageOfTheBenchDependsOnAnotherInACycle() {
    slices().matching("udpchat.bench.(**)").should().beFreeOfCycles().check(BENCH);
  }

  @Test
  void onlyTheTopPackageRunsScenariosAndNothingReachesBackIntoIt() {
    noClasses()
        .that()
        .resideInAPackage("udpchat.bench.*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("udpchat.bench")
        .check(BENCH);
  }

  @Test
  void theMeasuringAndTheWireKnowNothingOfTheLoad() {
    noClasses()
        .that()
        .resideInAnyPackage("udpchat.bench.measure..", "udpchat.bench.wire..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("udpchat.bench.load..", "udpchat.bench.target..")
        .check(BENCH);
  }
}
