package udpchat.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client's package rules, read from its bytecode: the packages, and the subpackages within
 * each, form no cycle; only the session's thread (session/) calls into the session, and its parts
 * are its own; the view knows nothing of the session, the socket or the room's state, and its
 * interface and narrators know nothing of JLine (its ends and formats do); the socket (net/) hands
 * on and never shows.
 */
class ClientArchitectureTest {

  static final JavaClasses CLIENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("udpchat.client");

  @Test
  void thePackagesFormNoCycle() {
    slices().matching("udpchat.client.(*)..").should().beFreeOfCycles().check(CLIENT);
  }

  @Test
  void noPackageFormsACycleWithItsSubpackages() {
    // session ↔ session.stream, view ↔ view.format and the like: each subpackage is a leaf below
    // its parent (or a sibling's), never above it.
    slices().matching("udpchat.client.(**)").should().beFreeOfCycles().check(CLIENT);
  }

  @Test
  void onlyTheSessionPackageAndTheWiringUseTheSessionItself() {
    classes()
        .that()
        .haveFullyQualifiedName("udpchat.client.session.Session")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage("udpchat.client.session", "udpchat.client")
        .check(CLIENT);
  }

  @Test
  void theSessionsPartsAreItsOwn() {
    classes()
        .that()
        .haveFullyQualifiedName("udpchat.client.session.Standing")
        .or()
        .haveFullyQualifiedName("udpchat.client.session.Handshake")
        .or()
        .haveFullyQualifiedName("udpchat.client.session.RoomEvents")
        .or()
        .haveFullyQualifiedName("udpchat.client.session.Requests")
        .or()
        .haveFullyQualifiedName("udpchat.client.session.Dispatch")
        .should()
        .notBePublic()
        .andShould()
        .onlyHaveDependentClassesThat()
        .resideInAPackage("udpchat.client.session")
        .check(CLIENT);
  }

  @Test
  void theViewDependsOnNoOtherPartOfTheClient() {
    noClasses()
        .that()
        .resideInAPackage("udpchat.client.view..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "udpchat.client.session..",
            "udpchat.client.net..",
            "udpchat.client.room..",
            "udpchat.client.discovery..")
        .check(CLIENT);
  }

  @Test
  void theSocketNeverDrawsAndTheCommandsOnlyParse() {
    noClasses()
        .that()
        .resideInAnyPackage("udpchat.client.net..", "udpchat.client.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("udpchat.client.view..", "org.jline..")
        .check(CLIENT);
  }

  @Test
  void theViewsInterfaceAndItsNarratorsUseNoJLine() {
    noClasses()
        .that()
        .resideInAnyPackage("udpchat.client.view", "udpchat.client.view.narrator")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jline..")
        .check(CLIENT);
  }
}
