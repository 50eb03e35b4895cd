package udpchat.server;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import udpchat.server.room.Room;

/**
 * The server's package rules, pinned so they cannot drift: one package per role, no cycles between
 * them, the room's state reached only from the room package (its thread), and the network stage
 * knowing nothing of what lies behind the interfaces it hands datagrams to.
 */
class ArchitectureTest {

  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("udpchat.server");

  @Test
  void noPackageOfTheServerDependsOnAnotherInACycle() {
    slices().matching("udpchat.server.(**)").should().beFreeOfCycles().check(SERVER);
  }

  @Test
  void onlyTheTopPackageWiresTheStagesAndNoStageReachesBackIntoIt() {
    noClasses()
        .that()
        .resideInAPackage("udpchat.server.*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("udpchat.server")
        .check(SERVER);
  }

  @Test
  void onlyTheRoomPackageTouchesTheMembers() {
    classes()
        .that()
        .resideInAPackage("udpchat.server.room.members..")
        .should()
        .onlyBeAccessed()
        .byAnyPackage("udpchat.server.room..")
        .check(SERVER);
  }

  @Test
  void nothingOutsideTheRoomPackageCallsTheRoom() {
    // ChatServer makes it and hands it to its RoomAgent; from then on only the room thread calls.
    noClasses()
        .that()
        .resideOutsideOfPackage("udpchat.server.room..")
        .should()
        .callMethodWhere(target(owner(equivalentTo(Room.class))))
        .check(SERVER);
  }

  @Test
  void theNetworkStageDependsOnNoStageBehindIt() {
    noClasses()
        .that()
        .resideInAPackage("udpchat.server.net..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "udpchat.server.room..",
            "udpchat.server.door..",
            "udpchat.server.delivery..",
            "udpchat.server.journal..")
        .check(SERVER);
  }
}
