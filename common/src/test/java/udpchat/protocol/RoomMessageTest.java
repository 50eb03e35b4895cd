package udpchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The room events' own answers (number, time, stream and recalled copies) and notice kinds. */
class RoomMessageTest {

  private static final long AT = 1_763_900_000_000L;

  @Test
  void eachRoomEventGivesItsNumberTimeAndCopies() {
    Chat chat = Chat.posted(7, AT, "alice", "hi", false);
    assertThat(chat.number()).isEqualTo(7L);
    assertThat(chat.postedAt()).isEqualTo(AT);
    assertThat(chat.inStream(6)).isEqualTo(new Chat(7, 6L, AT, "alice", "hi", false, null, null));
    assertThat(chat.recalled(3, 2)).isEqualTo(new Chat(7, null, AT, "alice", "hi", false, 3L, 2));

    Private whisper = new Private(8, null, AT, "alice", "bob", "psst");
    assertThat(whisper.number()).isEqualTo(8L);
    assertThat(whisper.inStream(7)).isEqualTo(new Private(8, 7L, AT, "alice", "bob", "psst"));
    assertThatThrownBy(() -> whisper.recalled(3, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never recalled");

    Notice left = Notice.posted(9, AT, Notice.Kind.LEFT, List.of("bob", "carol"), 1);
    assertThat(left.inStream(8).prev()).isEqualTo(8L);
    assertThat(left.inStream(8).names()).containsExactly("bob", "carol");
    assertThat(left.recalled(3, 2))
        .isEqualTo(new Notice("left", null, null, 1, 9L, null, AT, 3L, 2, List.of("bob", "carol")));
  }

  @Test
  void aNoticeOutsideTheRoomsOrderHasNoNumberNorTime() {
    Notice shutdown = Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0);
    assertThat(shutdown.number()).isNull();
    assertThat(shutdown.postedAt()).isNull();
    assertThat(shutdown).isEqualTo(Notice.unnumbered("shutdown", null, 0));
  }

  @Test
  void theKindFactoriesMakeWhatTheStringOnesMake() {
    assertThat(Notice.posted(7, AT, Notice.Kind.JOINED, "alice", 2))
        .isEqualTo(Notice.posted(7, AT, "joined", "alice", 2));
    assertThat(Notice.renamed(8, AT, "alice", "alicia", 2))
        .isEqualTo(new Notice("renamed", "alice", "alicia", 2, 8L, null, AT, null, null));
    assertThat(Notice.renamed(8, AT, "alice", "alicia", 2).kind()).isEqualTo(Notice.Kind.RENAMED);
  }

  @Test
  void aNoticeOfAnUnknownKindIsNeverMade() {
    assertThatThrownBy(() -> Notice.unnumbered(Notice.Kind.UNKNOWN, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kind");
  }
}
