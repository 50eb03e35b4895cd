package udpchat.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.protocol.Ack;
import udpchat.protocol.Away;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Message;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ProtocolException.Reason;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.text.Names;

class CodecTest {

  /** A well-formed session token: 22 characters of base64url. */
  static final String SESSION = "AbCdEfGhIjKlMnOpQr_-09";

  /** The longest valid name in bytes: 32 letters of 4 bytes each (U+20000, CJK extension B). */
  static final String LONGEST_NAME = new String(Character.toChars(0x20000)).repeat(32);

  /** A text exactly at the limit. */
  static final String LONGEST_TEXT = "x".repeat(Limits.MAX_TEXT_BYTES);

  /** A well-formed client id: a token like {@link #SESSION}, but another one. */
  static final String CLIENT = "zYxWvUtSrQpOnMlKjI-_98";

  /** A well-formed join cookie, as a server's retry gives one. */
  static final String COOKIE = "c00kie-0f-128-bits_Abc";

  /** A server time in ms since the epoch, 13 digits like every time until the year 2286. */
  static final long AT = 1_717_171_717_171L;

  /** The longest time of 13 digits. */
  static final long LATEST_AT = 9_999_999_999_999L;

  final Codec codec = new Codec();

  // ---------------------------------------------------------------------------------------------
  // Round trips and the wire format

  static Stream<Message> everyMessageType() {
    return Stream.of(
        new Join("alice", CLIENT, 1, null),
        new Join("alice", CLIENT, 8, 41L),
        new Join("alice", CLIENT, Long.MAX_VALUE, 0L),
        new Join("alice", CLIENT, 1, 3L, COOKIE),
        new Join(LONGEST_NAME, CLIENT, Long.MAX_VALUE, Long.MAX_VALUE, COOKIE),
        new Ping(SESSION, 1),
        new Say(SESSION, 2, "hello", false),
        new Say(SESSION, 3, "waves", true),
        new Say(SESSION, 1, "", false),
        new Tell(SESSION, 4, "bob", "psst"),
        new Who(SESSION, 5),
        new Nick(SESSION, 6, "alice2"),
        new Leave(SESSION),
        new Ack(SESSION, 0),
        new Ack(SESSION, 17),
        new History(SESSION, 7, 1),
        new History(SESSION, 0, History.MAX_COUNT),
        new Welcome(SESSION, "alice", 5_000, 15_000, 3, 0x5EED_CAFE_F00DL, 10, 14),
        new Welcome(SESSION, "alice", 5_000, 15_000, 1, -7_042_885_227_315_213_337L, 0, 0),
        new Pong(Long.MAX_VALUE),
        Chat.posted(1, AT, "alice", "hello", false),
        new Chat(5, 4L, AT, "alice", "waves", true, null, null),
        new Chat(5, null, AT, "alice", "hello", false, 9L, 3),
        new Private(6, 5L, AT, "alice", "bob", "psst"),
        new Private(6, null, AT, "alice", "bob", "psst"),
        Notice.posted(7, AT, Notice.Kind.JOINED, "alice", 2),
        Notice.posted(7, AT, Notice.Kind.JOINED, List.of("alice", "bob", "carol"), 3),
        new Notice(
            Notice.Kind.EXPIRED.wire(),
            null,
            null,
            1,
            9L,
            8L,
            AT,
            null,
            null,
            List.of("bob", "dave")),
        new Notice(Notice.Kind.RENAMED.wire(), "alice", "alicia", 2, 8L, 7L, AT, null, null),
        new Notice(Notice.Kind.LEFT.wire(), "bob", null, 1, 9L, null, AT, 9L, 3),
        Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0),
        Notice.unnumbered(Notice.Kind.EXPIRED, "dave", 2),
        new Members(5, List.of("alice", "bob")),
        new Members(0, List.of()),
        new ErrorReply(ErrorReply.NAME_TAKEN, "that name is taken", 0),
        new ErrorReply(ErrorReply.ROOM_FULL, "the room is full", 0),
        new ErrorReply(ErrorReply.MALFORMED, "the server dropped a datagram", 42),
        ErrorReply.refusing(3, ErrorReply.TOO_LONG, "message too long"),
        new Posted(3, 12),
        new Posted(4, 0),
        new Lost(0, 120, 100),
        new Lost(5, 9, 4),
        new Away(SESSION, 7, true, "lunch"),
        new Away(SESSION, 8, true, null),
        new Away(SESSION, 9, false, null),
        new Presence("bob", Presence.AWAY, "lunch", null),
        new Presence("bob", Presence.SUSPECT, null, 8000L),
        new Presence("bob", Presence.ACTIVE, null, null),
        new Retry(COOKIE),
        new Batch(List.of(new Chat(5, 4L, AT, "alice", "waves", true, null, null))),
        new Batch(
            List.of(
                new Lost(0, 4, 4),
                new Chat(5, 4L, AT, "alice", "hi", false, null, null),
                new Private(6, 5L, AT, "alice", "bob", "psst"),
                new Notice(Notice.Kind.LEFT.wire(), "bob", null, 1, 9L, 6L, AT, null, null))));
  }

  @Test
  void theSamplesCoverEveryMessageType() {
    Set<Class<?>> sampled = new HashSet<>();
    everyMessageType().forEach(message -> sampled.add(message.getClass()));

    assertThat(sampled).containsExactlyInAnyOrderElementsOf(leafTypes(Message.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMessageType")
  void roundTripsEveryMessageType(Message message) throws ProtocolException {
    byte[] datagram = codec.encode(message);

    assertThat(codec.decode(datagram, datagram.length, directionOf(message))).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "你好，世界",
        "こんにちは 안녕하세요",
        "👋🏽 hi 🇫🇷 👨‍👩‍👧",
        "e\u0301 Z\u0351\u0352 a\u20dd",
        "שלום مرحبا",
        "quote \" backslash \\ tab \t newline \n",
        "\uD840\uDC00 outside the BMP"
      })
  void roundTripsUnicodeText(String text) throws ProtocolException {
    Say say = new Say(SESSION, 1, text, false);
    Chat chat = Chat.posted(1, AT, "Zoë", text, true);

    assertThat(roundTrip(say)).isEqualTo(say);
    assertThat(roundTrip(chat)).isEqualTo(chat);
  }

  @Test
  void roundTripsUnicodeNames() throws ProtocolException {
    Private message = new Private(1, null, AT, "張伟", LONGEST_NAME, "hi");

    assertThat(roundTrip(message)).isEqualTo(message);
  }

  @Test
  void readsANameFromBeforeTheScriptRulesInWhatTheServerSends() throws ProtocolException {
    // A journal written before the one-script rule may hold "Ωmega": its events must still be
    // read, or a client's stream would stop at them.
    Chat old = Chat.posted(1, AT, "Ωmega", "from an older journal", false);

    assertThat(roundTrip(old)).isEqualTo(old);
  }

  @Test
  void roundTripsALoneSurrogateInTextAsAnEscape() throws ProtocolException {
    // Invalid text from a buggy peer must not make encode throw; the Sanitizer deals with it.
    Say message = new Say(SESSION, 1, "a\uD800b", false);

    assertThat(new String(codec.encode(message), UTF_8)).contains("a\\uD800b");
    assertThat(roundTrip(message)).isEqualTo(message);
  }

  static Stream<Arguments> wireNames() {
    return Stream.of(
        Arguments.of(new Join("alice", CLIENT, 1, null), "join"),
        Arguments.of(new Ping(SESSION, 1), "ping"),
        Arguments.of(new Say(SESSION, 1, "hi", false), "say"),
        Arguments.of(new Tell(SESSION, 1, "bob", "hi"), "tell"),
        Arguments.of(new Who(SESSION, 1), "who"),
        Arguments.of(new Nick(SESSION, 1, "bob"), "nick"),
        Arguments.of(new Leave(SESSION), "leave"),
        Arguments.of(new Ack(SESSION, 1), "ack"),
        Arguments.of(new History(SESSION, 1, 20), "history"),
        Arguments.of(new Welcome(SESSION, "alice", 1, 1, 1, 1, 0, 0), "welcome"),
        Arguments.of(new Pong(1), "pong"),
        Arguments.of(Chat.posted(1, AT, "alice", "hi", false), "chat"),
        Arguments.of(new Private(1, null, AT, "alice", "bob", "hi"), "private"),
        Arguments.of(Notice.posted(1, AT, Notice.Kind.LEFT, "alice", 0), "notice"),
        Arguments.of(new Members(1, List.of("alice")), "members"),
        Arguments.of(new ErrorReply(ErrorReply.MALFORMED, "bad", 0), "error"),
        Arguments.of(new Posted(1, 1), "posted"),
        Arguments.of(new Lost(0, 1, 1), "lost"),
        Arguments.of(new Away(SESSION, 1, true, "x"), "away"),
        Arguments.of(new Presence("bob", Presence.ACTIVE, null, null), "presence"),
        Arguments.of(new Retry(COOKIE), "retry"),
        Arguments.of(new Batch(List.of(new Lost(0, 1, 1))), "batch"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wireNames")
  void encodesTheVersionAndTheWireNameFirst(Message message, String wireName) {
    String json = new String(codec.encode(message), UTF_8);

    assertThat(json).startsWith("{\"v\":2,\"type\":\"" + wireName + "\"");
    assertThat(Codec.typeName(message.getClass())).isEqualTo(wireName);
  }

  @Test
  void encodesTheDocumentedFieldsAndNothingElse() {
    String json = new String(codec.encode(new Say(SESSION, 7, "hi", true)), UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"v\":2,\"type\":\"say\",\"session\":\""
                + SESSION
                + "\",\"n\":7,\"text\":\"hi\",\"action\":true}");
  }

  @Test
  void encodesTheDocumentedFieldsOfRoomEventsAndNothingElse() {
    String chat =
        new String(codec.encode(new Chat(5, 4L, 1000, "bob", "hi", false, null, null)), UTF_8);
    String notice =
        new String(
            codec.encode(
                new Notice(Notice.Kind.LEFT.wire(), "bob", null, 1, 9L, null, 1000L, 2L, 3)),
            UTF_8);

    assertThat(chat)
        .isEqualTo(
            "{\"v\":2,\"type\":\"chat\",\"seq\":5,\"prev\":4,\"at\":1000,\"from\":\"bob\","
                + "\"text\":\"hi\",\"action\":false}");
    assertThat(notice)
        .isEqualTo(
            "{\"v\":2,\"type\":\"notice\",\"event\":\"left\",\"name\":\"bob\",\"online\":1,"
                + "\"seq\":9,\"at\":1000,\"ref\":2,\"of\":3}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("joins")
  void padsEveryJoinToTheSmallestJoinAccepted(Join join) throws Exception {
    byte[] datagram = codec.encode(join);

    assertThat(datagram).hasSize(Limits.MIN_JOIN_BYTES);
    assertThat(parse(datagram).get("pad").textValue()).isBlank();
    assertThat(codec.decode(datagram, datagram.length, ClientMessage.class)).isEqualTo(join);
  }

  static Stream<Join> joins() {
    return Stream.of(
        new Join("a", CLIENT, 1, null),
        new Join("alice", CLIENT, 8, 41L, COOKIE),
        new Join(LONGEST_NAME, CLIENT, Long.MAX_VALUE, Long.MAX_VALUE, COOKIE));
  }

  @Test
  void aRetryIsSmallerThanTheSmallestRequestItAnswers() {
    // Each field at its shortest: an id or seq of one digit.
    int retry = codec.encode(new Retry(COOKIE)).length;
    int smallestRequest =
        Stream.of(
                new Ping(SESSION, 0),
                new Ack(SESSION, 0),
                new Who(SESSION, 0),
                new History(SESSION, 0, 1),
                new Nick(SESSION, 0, "a"),
                new Say(SESSION, 1, "", false),
                new Tell(SESSION, 1, "", ""),
                new Away(SESSION, 0, false, null))
            .mapToInt(request -> codec.encode(request).length)
            .min()
            .getAsInt();

    assertThat(retry).isEqualTo(56);
    assertThat(smallestRequest).isEqualTo(62);
  }

  @Test
  void theSizesProtocolMdStatesAreTheEncodersSizes() {
    // PROTOCOL.md §1 and §2: an independent client found 62 and 1180 where these are 63 and 1186.
    assertThat(codec.encode(new Ping(SESSION, 1))).hasSize(63);
    long longest = Long.MAX_VALUE; // `at` is 64-bit on the wire too, not just 13 digits
    Private largest =
        new Private(longest, longest - 1, longest, LONGEST_NAME, LONGEST_NAME, LONGEST_TEXT);
    assertThat(codec.encode(largest)).hasSize(1186);
  }

  @Test
  void leaveAndAckCarryNoId() throws IOException {
    JsonNode leave = parse(codec.encode(new Leave(SESSION)));
    JsonNode ack = parse(codec.encode(new Ack(SESSION, 3)));

    assertThat(leave.has("id")).isFalse();
    assertThat(ack.has("id")).isFalse();
  }

  @Test
  void omitsAbsentOptionalFields() throws IOException {
    JsonNode joined = parse(codec.encode(Notice.posted(7, AT, Notice.Kind.JOINED, "alice", 2)));
    JsonNode shutdown = parse(codec.encode(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0)));
    JsonNode chat = parse(codec.encode(Chat.posted(7, AT, "alice", "hi", false)));
    JsonNode join = parse(codec.encode(new Join("alice", CLIENT, 1, null)));
    JsonNode error = parse(codec.encode(new ErrorReply(ErrorReply.MALFORMED, "bad", 0)));

    assertThat(joined.has("newName")).isFalse();
    assertThat(joined.get("name").textValue()).isEqualTo("alice");
    assertThat(fieldNames(joined)).doesNotContain("newName", "prev", "ref", "of");
    assertThat(fieldNames(shutdown))
        .doesNotContain("name", "newName", "seq", "prev", "at", "ref", "of");
    assertThat(fieldNames(chat)).doesNotContain("prev", "ref", "of");
    assertThat(fieldNames(join)).doesNotContain("since");
    assertThat(fieldNames(error)).doesNotContain("n");
    assertThat(new String(codec.encode(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0)), UTF_8))
        .doesNotContain("null");
  }

  @Test
  void theFactoriesBuildWhatTheirNamesSay() {
    assertThat(Chat.posted(7, AT, "alice", "hi", true))
        .isEqualTo(new Chat(7, null, AT, "alice", "hi", true, null, null));
    assertThat(Notice.posted(7, AT, Notice.Kind.JOINED, "alice", 2))
        .isEqualTo(
            new Notice(Notice.Kind.JOINED.wire(), "alice", null, 2, 7L, null, AT, null, null))
        .matches(Notice::numbered);
    assertThat(Notice.unnumbered(Notice.Kind.EXPIRED, "alice", 1))
        .isEqualTo(
            new Notice(Notice.Kind.EXPIRED.wire(), "alice", null, 1, null, null, null, null, null))
        .matches(notice -> !notice.numbered());
    assertThat(ErrorReply.refusing(3, ErrorReply.TOO_LONG, "too long"))
        .isEqualTo(new ErrorReply(ErrorReply.TOO_LONG, "too long", 0, 3L));
    assertThat(new ErrorReply(ErrorReply.NAME_TAKEN, "taken", 5))
        .isEqualTo(new ErrorReply(ErrorReply.NAME_TAKEN, "taken", 5, null));
  }

  @Test
  void encodesCharactersOutsideTheBmpAsPlainUtf8() {
    byte[] datagram = codec.encode(Chat.posted(1, AT, "alice", "😀", false));

    assertThat(new String(datagram, UTF_8)).contains("\"text\":\"😀\"").doesNotContain("\\u");
  }

  // ---------------------------------------------------------------------------------------------
  // Sizes

  @ParameterizedTest(name = "{0}")
  @MethodSource("longestMessages")
  void aTextAtTheLimitFitsBesideTheLongestNames(Message message) {
    assertThat(Names.isValid(LONGEST_NAME)).isTrue();
    assertThat(codec.textBytes(LONGEST_TEXT)).isEqualTo(Limits.MAX_TEXT_BYTES);

    assertThat(codec.encode(message)).hasSizeLessThanOrEqualTo(Limits.MAX_DATAGRAM_BYTES);
  }

  static Stream<Message> longestMessages() {
    // Numbers at their longest: seq and n at Long.MAX_VALUE, prev just below seq (19 digits too),
    // a 13-digit time, and "action":false, one byte longer than true.
    long seq = Long.MAX_VALUE;
    long prev = Long.MAX_VALUE - 1;
    return Stream.of(
        new Chat(seq, prev, LATEST_AT, LONGEST_NAME, LONGEST_TEXT, false, null, null),
        new Chat(
            seq,
            null,
            LATEST_AT,
            LONGEST_NAME,
            LONGEST_TEXT,
            false,
            Long.MAX_VALUE,
            History.MAX_COUNT),
        new Private(seq, prev, LATEST_AT, LONGEST_NAME, LONGEST_NAME, LONGEST_TEXT),
        new Say(SESSION, Long.MAX_VALUE, LONGEST_TEXT, false),
        new Tell(SESSION, Long.MAX_VALUE, LONGEST_NAME, LONGEST_TEXT),
        new Notice(
            Notice.Kind.RENAMED.wire(),
            LONGEST_NAME,
            LONGEST_NAME,
            Integer.MAX_VALUE,
            seq,
            null,
            LATEST_AT,
            Long.MAX_VALUE,
            History.MAX_COUNT));
  }

  @Test
  void refusesToEncodeAMessageLargerThanADatagram() {
    Say tooLong = new Say(SESSION, 1, "x".repeat(Limits.MAX_DATAGRAM_BYTES), false);

    assertThatThrownBy(() -> codec.encode(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @ParameterizedTest(name = "\"{0}\" takes {1} bytes")
  @MethodSource("textSizes")
  void textBytesCountsTheJsonStringBodyInUtf8(String text, int bytes) {
    assertThat(codec.textBytes(text)).isEqualTo(bytes);
  }

  static Stream<Arguments> textSizes() {
    return Stream.of(
        Arguments.of("", 0),
        Arguments.of("hello", 5),
        Arguments.of("é", 2),
        Arguments.of("中", 3),
        Arguments.of("😀", 4),
        Arguments.of("\uD840\uDC00", 4),
        Arguments.of("\"", 2), // \"
        Arguments.of("\\", 2), // \\
        Arguments.of("\n", 2), // Jackson uses the short escapes \n \t \r \b \f
        Arguments.of("\t", 2),
        Arguments.of("\u0001", 6), // backslash, u and four hex digits
        Arguments.of("\u001b", 6),
        Arguments.of("\u001f", 6),
        Arguments.of("\u007f", 1), // DEL is legal unescaped JSON
        Arguments.of("/", 1), // not escaped
        Arguments.of("\u2028", 3)); // not escaped
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hello", "é中😀", "\"\\\n\u0001", "\uD800", "tab\there"})
  void textBytesIsWhatTheTextAddsToADatagram(String text) {
    int empty = codec.encode(new Say(SESSION, 1, "", false)).length;
    int full = codec.encode(new Say(SESSION, 1, text, false)).length;

    assertThat(codec.textBytes(text)).isEqualTo(full - empty);
  }

  // ---------------------------------------------------------------------------------------------
  // What decode refuses

  @Test
  void refusesRandomBytes() {
    Random random = new Random(0x5EED_1234L);
    for (int i = 0; i < 20_000; i++) {
      byte[] datagram = new byte[random.nextInt(Limits.MAX_DATAGRAM_BYTES + 1)];
      random.nextBytes(datagram);

      assertThat(catchThrowable(() -> codec.decode(datagram, datagram.length, Message.class)))
          .as(() -> "decoding " + HexFormat.of().formatHex(datagram))
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void refusesShortRandomBytesWithoutNuls() {
    // Without a NUL the bytes get past the first check and into the parser.
    Random random = new Random(0xB17E5L);
    for (int i = 0; i < 20_000; i++) {
      byte[] datagram = new byte[random.nextInt(64)];
      random.nextBytes(datagram);
      for (int j = 0; j < datagram.length; j++) {
        datagram[j] = datagram[j] == 0 ? (byte) '{' : datagram[j];
      }

      assertThat(catchThrowable(() -> codec.decode(datagram, datagram.length, Message.class)))
          .as(() -> "decoding " + HexFormat.of().formatHex(datagram))
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void mutatedDatagramsDecodeOrFailOnlyWithAProtocolException() {
    Random random = new Random(42);
    List<byte[]> valid = everyMessageType().map(codec::encode).toList();
    for (int i = 0; i < 20_000; i++) {
      byte[] datagram = mutate(valid.get(random.nextInt(valid.size())), random);
      try {
        assertThat(codec.decode(datagram, datagram.length, Message.class)).isNotNull();
      } catch (ProtocolException expected) {
        assertThat(expected.reason()).isNotNull();
      } catch (RuntimeException e) {
        throw new AssertionError("decode threw " + e + " for " + new String(datagram, UTF_8), e);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{",
        "}",
        "nope",
        "{'v':2,}",
        "{v:1,type:'ping'}",
        "{'v':2,'type':'pong','id':1} // a comment",
        "{'v':2,'type':'pong','id':01}",
        "{'v':2,'type':'pong','id':NaN}"
      })
  void refusesInvalidJson(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "\n\t "})
  void refusesAnEmptyDatagram(String blank) {
    assertThat(refusal(blank)).isEqualTo(Reason.NOT_JSON);
  }

  @Test
  void refusesARawNulByte() {
    assertThat(refusal("{'v':2,'type':'pong','id':1}\u0000")).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "[{'v':2,'type':'pong','id':1}]", "'pong'", "5", "null", "true"})
  void refusesJsonThatIsNotAnObject(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.NOT_AN_OBJECT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'say','x':[[[[[[]]]]]]}",
        "{'v':2,'type':'say','x':[[[[]]]]}",
        "{'v':2,'type':'say','x':{'a':{'b':{'c':{}}}}}"
      })
  void refusesDeepNesting(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.TOO_COMPLEX);
  }

  @Test
  void acceptsNestingUpToTheLimitInAnIgnoredField() throws ProtocolException {
    // An object holding an array of arrays of arrays: depth 4, the limit.
    String json = "{'v':2,'type':'leave','session':'$S','x':[[[]]]}";

    assertThat(decode(json)).isEqualTo(new Leave(SESSION));
  }

  @Test
  void refusesADatagramLongerThanTheLimit() {
    String json = "{'v':2,'type':'say','session':'$S','n':1,'text':'" + "x".repeat(2_000) + "'}";

    assertThat(refusal(json)).isEqualTo(Reason.OVERSIZE);
  }

  @Test
  void refusesALengthArgumentLargerThanTheLimit() {
    byte[] buffer = new byte[4_096];
    byte[] json = utf8(json("{'v':2,'type':'pong','id':1}"));
    System.arraycopy(json, 0, buffer, 0, json.length);

    assertThat(refusal(buffer, Limits.MAX_DATAGRAM_BYTES + 1, Message.class))
        .isEqualTo(Reason.OVERSIZE);
  }

  @Test
  void acceptsADatagramOfExactlyTheLimit() throws ProtocolException {
    String json = json("{'v':2,'type':'pong','id':1}");
    byte[] datagram = utf8(json + " ".repeat(Limits.MAX_DATAGRAM_BYTES - json.length()));

    assertThat(codec.decode(datagram, datagram.length, ServerMessage.class)).isEqualTo(new Pong(1));
  }

  @Test
  void decodesOnlyTheFirstLengthBytesOfTheBuffer() throws ProtocolException {
    byte[] buffer = new byte[Limits.MAX_DATAGRAM_BYTES];
    Arrays.fill(buffer, (byte) 0xFF); // junk after the datagram: not JSON, not even UTF-8
    byte[] json = codec.encode(new Pong(9));
    System.arraycopy(json, 0, buffer, 0, json.length);

    assertThat(codec.decode(buffer, json.length, ServerMessage.class)).isEqualTo(new Pong(9));
  }

  @Test
  void refusesALongNumberLiteral() {
    String number = "1".repeat(Limits.MAX_NUMBER_CHARS + 1);

    assertThat(refusal("{'v':2,'type':'pong','id':" + number + "}")).isEqualTo(Reason.TOO_COMPLEX);
  }

  @Test
  void countsOnlyTheDigitsOfANumberLiteral() {
    // PROTOCOL.md §1: a sign is not counted, so 20 digits with one are out of range, not complex.
    String number = "-" + "1".repeat(Limits.MAX_NUMBER_CHARS);

    assertThat(refusal("{'v':2,'type':'pong','id':" + number + "}")).isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesANumberOutOfTheRangeOfItsField() {
    assertThat(refusal("{'v':2,'type':'pong','id':99999999999999999999}"))
        .isEqualTo(Reason.BAD_FIELD);
    assertThat(refusal("{'v':2,'type':'members','total':3000000000,'names':[]}"))
        .isEqualTo(Reason.BAD_FIELD);
    // The optional numbers are boxed (Long, Integer): they must be range-checked all the same.
    assertThat(
            refusal(
                "{'v':2,'type':'chat','seq':5,'prev':99999999999999999999,'at':1,'from':'a',"
                    + "'text':'hi','action':false}"))
        .isEqualTo(Reason.BAD_FIELD);
    assertThat(
            refusal(
                "{'v':2,'type':'chat','seq':5,'at':1,'from':'a','text':'hi','action':false,"
                    + "'ref':1,'of':3000000000}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesALongFieldName() {
    String name = "k".repeat(Limits.MAX_FIELD_NAME_CHARS + 1);

    assertThat(refusal("{'v':2,'type':'pong','" + name + "':1,'id':1}"))
        .isEqualTo(Reason.TOO_COMPLEX);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'say','session':'$S','n':'7','text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':1.5,'text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':1.0,'text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':1e3,'text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':true,'text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':null,'text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':5,'action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':true,'action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':['hi'],'action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':{},'action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':'hi','action':'yes'}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':'hi','action':1}",
        "{'v':2,'type':'say','session':'$S','n':1,'text':'hi','action':null}",
        "{'v':2,'type':'say','session':5,'n':1,'text':'hi','action':false}",
        "{'v':2,'type':'members','total':1,'names':'x'}",
        "{'v':2,'type':'members','total':1,'names':[1]}",
        "{'v':2,'type':'members','total':'1','names':[]}",
        "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':'5','timeoutMs':5,"
            + "'online':1,'epoch':1,'start':0,'head':0}",
        "{'v':2,'type':'ack','session':'$S','seq':'5'}",
        "{'v':2,'type':'history','session':'$S','id':1,'count':1.5}",
        "{'v':2,'type':'join','name':'a','client':'$C','next':1,'since':'3'}",
        "{'v':2,'type':'join','name':'a','client':'$C','next':1,'since':3.0}",
        "{'v':2,'type':'join','name':'a','client':'$C','next':1,'since':true}",
        "{'v':2,'type':'join','name':'a','client':5,'next':1}",
        "{'v':2,'type':'chat','seq':5,'prev':'4','at':1,'from':'a','text':'hi','action':false}",
        "{'v':2,'type':'chat','seq':5,'at':1,'from':'a','text':'hi','action':false,"
            + "'ref':1,'of':'3'}",
        "{'v':2,'type':'notice','event':'left','name':'a','online':1,'seq':5,'at':'1'}",
        "{'v':2,'type':'error','code':'too-long','message':'m','ref':0,'n':'3'}"
      })
  void refusesFieldsOfTheWrongType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'say','session':'$S','n':1,'text':'hi'}",
        "{'v':2,'type':'say','session':'$S','text':'hi','action':false}",
        "{'v':2,'type':'say','session':'$S','n':1,'action':false}",
        "{'v':2,'type':'ping','id':1}",
        "{'v':2,'type':'join'}",
        "{'v':2,'type':'join','name':'a','next':1}",
        "{'v':2,'type':'join','name':'a','client':'$C'}",
        "{'v':2,'type':'members','total':1}",
        "{'v':2,'type':'error','message':'m','ref':0}",
        "{'v':2,'type':'ack','session':'$S'}",
        "{'v':2,'type':'history','session':'$S','id':1}",
        "{'v':2,'type':'chat','at':1,'from':'a','text':'hi','action':false}",
        "{'v':2,'type':'chat','seq':1,'from':'a','text':'hi','action':false}",
        "{'v':2,'type':'private','seq':1,'at':1,'from':'a','text':'hi'}",
        "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':5,'timeoutMs':5,"
            + "'online':1,'start':0,'head':0}",
        "{'v':2,'type':'posted','seq':1}",
        "{'v':2,'type':'lost','prev':0,'seq':1}",
        "{'v':2,'type':'away','session':'$S','id':1,'reason':'lunch'}",
        "{'v':2,'type':'presence','name':'bob'}",
        "{'v':2,'type':'presence','state':'away'}"
      })
  void refusesMissingFields(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'members','total':0,'names':['alice']}",
        "{'v':2,'type':'members','total':1,'names':[null]}",
        "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':0,'timeoutMs':5,"
            + "'online':1,'epoch':1,'start':0,'head':0}",
        "{'v':2,'type':'notice','event':'renamed','name':'a','newName':'b c','online':1,"
            + "'seq':1,'at':1}",
        "{'v':2,'type':'private','seq':1,'at':1,'from':'alice','to':'','text':'hi'}",
        "{'v':2,'type':'away','session':'$S','id':1,'away':false,'reason':'lunch'}",
        "{'v':2,'type':'away','session':'$S','id':1,'away':'true'}",
        "{'v':2,'type':'away','session':'$S','id':1,'away':1}",
        "{'v':2,'type':'away','session':'$S','id':1,'away':true,'reason':5}",
        "{'v':2,'type':'presence','name':'b c','state':'away'}",
        "{'v':2,'type':'presence','name':'bob','state':'suspect','silentMs':-1}",
        "{'v':2,'type':'presence','name':'bob','state':'suspect','silentMs':'5'}"
      })
  void refusesValuesTheRecordsForbid(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'ping','session':'$S','id':-1}",
        "{'v':2,'type':'say','session':'$S','n':-7,'text':'hi','action':false}",
        "{'v':2,'type':'pong','id':-1}",
        "{'v':2,'type':'error','code':'malformed','message':'m','ref':-1}",
        "{'v':2,'type':'history','session':'$S','id':-1,'count':5}"
      })
  void refusesNegativeIds(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'ack','session':'$S','seq':-1}",
        "{'v':2,'type':'posted','n':1,'seq':-1}",
        "{'v':2,'type':'lost','prev':-1,'seq':1,'count':1}",
        "{'v':2,'type':'lost','prev':0,'seq':1,'count':-1}",
        "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':5,'timeoutMs':5,"
            + "'online':1,'epoch':1,'start':-1,'head':0}",
        "{'v':2,'type':'chat','seq':5,'prev':-1,'at':1,'from':'a','text':'hi','action':false}",
        "{'v':2,'type':'chat','seq':5,'at':1,'from':'a','text':'hi','action':false,"
            + "'ref':-1,'of':1}",
        "{'v':2,'type':'notice','event':'left','online':1,'seq':5,'at':1,'ref':1,'of':-1}"
      })
  void refusesNegativeStreamNumbers(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("badTokens")
  void refusesABadSessionToken(String session) {
    assertThat(refusal("{'v':2,'type':'leave','session':'" + session + "'}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("badTokens")
  void refusesAJoinWithABadClientToken(String client) {
    assertBadField(
        "{'v':2,'type':'join','name':'alice','client':'" + client + "','next':1}",
        "client must be a 22-character token");
  }

  static Stream<String> badTokens() {
    return Stream.of(
        "",
        "short",
        "AbCdEfGhIjKlMnOpQr_-0", // 21
        "AbCdEfGhIjKlMnOpQr_-09X", // 23
        "AbCdEfGhIjKlMnOpQr+/09", // base64, not base64url
        "AbCdEfGhIjKlMnOpQr_-0=",
        "AbCdEfGhIjKlMnOpQr_-0 ",
        "AbCdEfGhIjKlMnOpQr_-0é");
  }

  @Test
  void refusesAJoinWithoutAClientToken() {
    assertBadField("{'v':2,'type':'join','name':'alice','next':1}", "client");
    assertBadField("{'v':2,'type':'join','name':'alice','client':null,'next':1}", "client");
  }

  @Test
  void refusesAMissingSessionToken() {
    assertThat(refusal("{'v':2,'type':'leave'}")).isEqualTo(Reason.BAD_FIELD);
  }

  /** The room answers a bad name with name-invalid, so the codec lets it through. */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "a b", "-alice", "_alice", ".alice", "a@b", "a\\u0000b", "😀"})
  void passesAnInvalidNameInJoinToTheRoom(String name) throws Exception {
    assertThat(decode("{'v':2,'type':'join','name':'" + name + "','client':'$C','next':1}"))
        .isInstanceOf(Join.class);
  }

  @Test
  void refusesAJoinWithoutAName() {
    assertThat(refusal("{'v':2,'type':'join','client':'$C','next':1}")).isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesAServerMessageWithAnInvalidName() {
    assertThat(
            refusal("{'v':2,'type':'chat','seq':1,'at':1,'from':'a b','text':'hi','action':false}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void namesTheProblemOfABadField() {
    Throwable thrown =
        catchThrowable(
            () ->
                decode(
                    "{'v':2,'type':'chat','seq':1,'at':1,'from':'a b','text':'hi','action':false}"));

    assertThat(thrown).hasMessageContaining("from").hasMessageContaining("U+0020");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'shout'}",
        "{'v':2,'type':'Say','session':'$S','n':1,'text':'hi','action':false}",
        "{'v':2,'type':''}",
        "{'v':2,'type':'toString'}"
      })
  void refusesAnUnknownType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.UNKNOWN_TYPE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'session':'$S'}",
        "{'v':2,'type':5,'session':'$S'}",
        "{'v':2,'type':null,'session':'$S'}",
        "{'v':2,'type':['leave'],'session':'$S'}"
      })
  void refusesAMissingOrNonStringType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.UNKNOWN_TYPE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'type':'leave','session':'$S'}",
        "{'v':null,'type':'leave','session':'$S'}",
        "{'v':'2','type':'leave','session':'$S'}",
        "{'v':2.0,'type':'leave','session':'$S'}",
        "{'v':true,'type':'leave','session':'$S'}",
        "{'v':[2],'type':'leave','session':'$S'}",
        "{'v':0,'type':'leave','session':'$S'}",
        "{'v':1,'type':'leave','session':'$S'}",
        "{'v':3,'type':'leave','session':'$S'}",
        "{'v':-2,'type':'leave','session':'$S'}",
        "{'v':4294967298,'type':'leave','session':'$S'}", // 2^32 + 2
        "{'v':18446744073709551618,'type':'leave','session':'$S'}" // 2^64 + 2
      })
  void refusesAMissingOrWrongVersion(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_VERSION);
  }

  /** A peer still on version 1 is told so, whatever it sends: the version is checked first. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'join','name':'alice'}",
        "{'v':1,'type':'say','session':'$S','id':8,'text':'hello, room','action':false}",
        "{'v':1,'type':'chat','from':'alice','text':'hello, room','action':false}",
        "{'v':1,'type':'welcome','session':'$S','name':'alice','heartbeatMs':5000,"
            + "'timeoutMs':15000,'online':3}"
      })
  void refusesAVersion1Datagram(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_VERSION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMessageType")
  void refusesEveryMessageTypeMarkedAsVersion1(Message message) {
    String json = new String(codec.encode(message), UTF_8);
    byte[] datagram = utf8(json.replaceFirst("^\\{\"v\":2,", "{\"v\":1,"));

    assertThat(new String(datagram, UTF_8)).startsWith("{\"v\":1,");
    assertThat(refusal(datagram, datagram.length, Message.class)).isEqualTo(Reason.BAD_VERSION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMessageType")
  void refusesAMessageSentTheWrongWay(Message message) {
    byte[] datagram = codec.encode(message);
    Class<? extends Message> otherWay =
        message instanceof ClientMessage ? ServerMessage.class : ClientMessage.class;

    assertThat(refusal(datagram, datagram.length, otherWay)).isEqualTo(Reason.WRONG_DIRECTION);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'say','type':'leave','session':'$S','n':1,'text':'hi','action':false}",
        "{'v':2,'v':1,'type':'leave','session':'$S'}",
        "{'v':2,'type':'leave','session':'$S','session':'$S'}",
        "{'v':2,'type':'leave','session':'$S','x':{'a':1,'a':2}}"
      })
  void refusesDuplicateKeysAsNotJson(String json) {
    // Jackson's strict duplicate detection fails while parsing, so the reason is not-json.
    assertThat(refusal(json)).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'pong','id':1} x",
        "{'v':2,'type':'pong','id':1}{'v':2,'type':'pong','id':2}",
        "{'v':2,'type':'pong','id':1}{}",
        "{'v':2,'type':'pong','id':1}]",
        "{'v':2,'type':'pong','id':1},",
        "{'v':2,'type':'pong','id':1} 1"
      })
  void refusesTrailingJunk(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.NOT_JSON);
  }

  @Test
  void acceptsTrailingWhitespace() throws ProtocolException {
    assertThat(decode("{'v':2,'type':'pong','id':1} \r\n\t")).isEqualTo(new Pong(1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ff", // never in UTF-8
        "80", // a continuation byte with no lead
        "c3", // a lead byte with no continuation
        "e4b8", // a 3-byte sequence cut short
        "eda080", // an encoded surrogate (CESU-8)
        "eda0bdedb880", // a surrogate pair encoded as two 3-byte sequences
        "c0af", // overlong '/'
        "c080", // overlong NUL
        "e080af", // overlong '/' in 3 bytes
        "f08080af", // overlong '/' in 4 bytes
        "f4908080", // U+110000, beyond Unicode
        "f8888080af" // a 5-byte form
      })
  void refusesInvalidUtf8(String hex) {
    byte[] datagram =
        concat(
            utf8(json("{'v':2,'type':'say','session':'$S','n':1,'action':false,'text':'a")),
            HexFormat.of().parseHex(hex),
            utf8("b\"}"));

    assertThat(refusal(datagram, datagram.length, Message.class)).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'leave','session':'$S','future':{'a':[1,2]}}",
        "{'v':2,'type':'leave','session':'$S','id':5}",
        "{'v':2,'type':'leave','session':'$S','colour':'red','n':null}",
        "{'future':true,'v':2,'type':'leave','session':'$S'}"
      })
  void ignoresUnknownFields(String json) throws ProtocolException {
    assertThat(decode(json)).isEqualTo(new Leave(SESSION));
  }

  @Test
  void aLongProblemIsShortenedWithoutSplittingACharacter() {
    String type = "x".repeat(112) + "😀".repeat(10); // a plain cut at 117 would split an emoji
    ProtocolException thrown =
        (ProtocolException) catchThrowable(() -> decode("{'v':2,'type':'" + type + "'}"));

    assertThat(thrown.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
    assertThat(thrown.getMessage()).endsWith("...\"").contains("x😀😀");
    assertThat(hasLoneSurrogate(thrown.getMessage())).isFalse();
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // The rules of version 2, each refused as bad-field with the problem named

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badRoomEventNumbers")
  void refusesARoomEventNumberedAgainstTheRules(String json, String problem) {
    assertBadField(json, problem);
  }

  static Stream<Arguments> badRoomEventNumbers() {
    String chat = "{'v':2,'type':'chat','from':'a','text':'hi','action':false,'at':1,";
    String priv = "{'v':2,'type':'private','from':'a','to':'b','text':'hi','at':1,";
    String notice = "{'v':2,'type':'notice','event':'left','name':'a','online':1,'at':1,";
    return Stream.of(
        Arguments.of(chat + "'seq':0}", "seq must be at least 1"),
        Arguments.of(priv + "'seq':0}", "seq must be at least 1"),
        Arguments.of(notice + "'seq':0}", "seq must be at least 1"),
        Arguments.of(chat + "'seq':5,'prev':5}", "prev must be below seq"),
        Arguments.of(chat + "'seq':5,'prev':6}", "prev must be below seq"),
        Arguments.of(priv + "'seq':5,'prev':5}", "prev must be below seq"),
        Arguments.of(notice + "'seq':5,'prev':5}", "prev must be below seq"),
        Arguments.of(chat + "'seq':5,'ref':1}", "ref and of go together"),
        Arguments.of(chat + "'seq':5,'of':3}", "ref and of go together"),
        Arguments.of(notice + "'seq':5,'ref':1}", "ref and of go together"),
        Arguments.of(chat + "'seq':5,'ref':1,'of':0}", "of must be at least 1"),
        Arguments.of(chat + "'seq':5,'prev':4,'ref':1,'of':3}", "either in the stream"),
        Arguments.of(notice + "'seq':5,'prev':4,'ref':1,'of':3}", "either in the stream"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("noticesWithStreamFieldsThatDoNotMatchSeq")
  void refusesANoticeWhoseStreamFieldsDoNotMatchItsSeq(String json, String problem) {
    assertBadField(json, problem);
  }

  static Stream<Arguments> noticesWithStreamFieldsThatDoNotMatchSeq() {
    String left = "{'v':2,'type':'notice','event':'left','name':'a','online':1,";
    String shutdown = "{'v':2,'type':'notice','event':'shutdown','online':0,";
    return Stream.of(
        Arguments.of(left + "'seq':5}", "a numbered notice needs at"),
        Arguments.of(left + "'seq':5,'prev':4}", "a numbered notice needs at"),
        Arguments.of(shutdown + "'prev':4}", "prev, at, ref and of need seq"),
        Arguments.of(shutdown + "'at':1}", "prev, at, ref and of need seq"),
        Arguments.of(shutdown + "'ref':1,'of':3}", "prev, at, ref and of need seq"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("noticesWithBadNames")
  void refusesANoticeWhoseNamesAreNotTwoOrMoreNamesInPlaceOfName(String json, String problem) {
    assertBadField(json, problem);
  }

  static Stream<Arguments> noticesWithBadNames() {
    String joined = "{'v':2,'type':'notice','event':'joined','online':3,'seq':5,'at':1,";
    String twoOrMore = "names must be two or more names, without name";
    return Stream.of(
        Arguments.of(joined + "'names':[]}", twoOrMore),
        Arguments.of(joined + "'names':['a']}", twoOrMore),
        Arguments.of(joined + "'names':['a',null]}", twoOrMore),
        Arguments.of(joined + "'name':'a','names':['b','c']}", twoOrMore),
        Arguments.of(joined + "'names':['a','']}", "names"));
  }

  @Test
  void aNoticeAboutOneMemberIsWrittenWithNameAsBefore() {
    assertThat(Notice.posted(7, AT, Notice.Kind.JOINED, List.of("alice"), 2))
        .isEqualTo(Notice.posted(7, AT, Notice.Kind.JOINED, "alice", 2));
    assertThat(Notice.posted(7, AT, Notice.Kind.JOINED, List.of("alice", "bob"), 2).members())
        .containsExactly("alice", "bob");
    assertThat(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0).members()).isEmpty();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badJoins")
  void refusesAJoinWithBadNumbers(String json, String problem) {
    assertBadField(json, problem);
  }

  static Stream<Arguments> badJoins() {
    String join = "{'v':2,'type':'join','name':'alice','client':'$C',";
    return Stream.of(
        Arguments.of(join + "'next':0}", "next must be at least 1"),
        Arguments.of(join + "'next':-1}", "next must be at least 1"),
        Arguments.of(join + "'next':1,'since':-1}", "since must not be negative"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'say','session':'$S','n':0,'text':'hi','action':false}",
        "{'v':2,'type':'tell','session':'$S','n':0,'to':'bob','text':'hi'}",
        "{'v':2,'type':'posted','n':0,'seq':1}",
        "{'v':2,'type':'error','code':'too-long','message':'m','ref':0,'n':0}",
        "{'v':2,'type':'error','code':'too-long','message':'m','ref':0,'n':-1}"
      })
  void refusesMessageNumberZero(String json) {
    assertBadField(json, "n must be at least 1");
  }

  @ParameterizedTest(name = "count {0}")
  @ValueSource(ints = {0, -1, History.MAX_COUNT + 1})
  void refusesAHistoryCountOutOfRange(int count) {
    assertBadField(
        "{'v':2,'type':'history','session':'$S','id':1,'count':" + count + "}",
        "count must be between 1 and 200");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':2,'type':'lost','prev':5,'seq':5,'count':0}",
        "{'v':2,'type':'lost','prev':5,'seq':4,'count':1}"
      })
  void refusesALostWhoseSeqIsNotAbovePrev(String json) {
    assertBadField(json, "seq must be above prev");
  }

  @Test
  void refusesAWelcomeWhoseHeadIsBelowStart() {
    assertBadField(
        "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':5,'timeoutMs':5,"
            + "'online':1,'epoch':1,'start':5,'head':4}",
        "head must not be below start");
  }

  /** The values just inside each rule above decode: the rules are not off by one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesAtTheLimits")
  void acceptsTheValuesAtTheLimits(String json, Message expected) throws ProtocolException {
    assertThat(decode(json)).isEqualTo(expected);
  }

  static Stream<Arguments> valuesAtTheLimits() {
    return Stream.of(
        Arguments.of(
            "{'v':2,'type':'chat','seq':1,'prev':0,'at':1,'from':'a','text':'hi','action':false}",
            new Chat(1, 0L, 1, "a", "hi", false, null, null)),
        Arguments.of(
            "{'v':2,'type':'chat','seq':1,'at':1,'from':'a','text':'hi','action':false,"
                + "'ref':0,'of':1}",
            new Chat(1, null, 1, "a", "hi", false, 0L, 1)),
        Arguments.of(
            "{'v':2,'type':'private','seq':6,'prev':5,'at':1,'from':'a','to':'b','text':'hi'}",
            new Private(6, 5L, 1, "a", "b", "hi")),
        Arguments.of(
            "{'v':2,'type':'notice','event':'left','name':'a','online':1,'seq':1,'at':0}",
            Notice.posted(1, 0, Notice.Kind.LEFT, "a", 1)),
        Arguments.of(
            "{'v':2,'type':'notice','event':'shutdown','online':0}",
            Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0)),
        Arguments.of(
            "{'v':2,'type':'join','name':'alice','client':'$C','next':1,'since':0}",
            new Join("alice", CLIENT, 1, 0L)),
        Arguments.of(
            "{'v':2,'type':'say','session':'$S','n':1,'text':'hi','action':false}",
            new Say(SESSION, 1, "hi", false)),
        Arguments.of(
            "{'v':2,'type':'tell','session':'$S','n':1,'to':'bob','text':'hi'}",
            new Tell(SESSION, 1, "bob", "hi")),
        Arguments.of(
            "{'v':2,'type':'error','code':'too-long','message':'m','ref':0,'n':1}",
            ErrorReply.refusing(1, ErrorReply.TOO_LONG, "m")),
        Arguments.of(
            "{'v':2,'type':'history','session':'$S','id':0,'count':1}", new History(SESSION, 0, 1)),
        Arguments.of(
            "{'v':2,'type':'history','session':'$S','id':1,'count':200}",
            new History(SESSION, 1, History.MAX_COUNT)),
        Arguments.of("{'v':2,'type':'ack','session':'$S','seq':0}", new Ack(SESSION, 0)),
        Arguments.of("{'v':2,'type':'posted','n':1,'seq':0}", new Posted(1, 0)),
        Arguments.of("{'v':2,'type':'lost','prev':0,'seq':1,'count':0}", new Lost(0, 1, 0)),
        Arguments.of(
            "{'v':2,'type':'welcome','session':'$S','name':'a','heartbeatMs':5,'timeoutMs':5,"
                + "'online':1,'epoch':-1,'start':0,'head':0}",
            new Welcome(SESSION, "a", 5, 5, 1, -1, 0, 0)));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * {@code json} with single quotes made double, {@code $S} replaced by {@link #SESSION} and {@code
   * $C} by {@link #CLIENT}.
   */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').replace("$S", SESSION).replace("$C", CLIENT);
  }

  static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  Message decode(String singleQuoted) throws ProtocolException {
    byte[] datagram = utf8(json(singleQuoted));
    return codec.decode(datagram, datagram.length, Message.class);
  }

  Reason refusal(String singleQuoted) {
    byte[] datagram = utf8(json(singleQuoted));
    return refusal(datagram, datagram.length, Message.class);
  }

  /** The reason decode gives; fails the test when decode accepts or throws anything else. */
  Reason refusal(byte[] datagram, int length, Class<? extends Message> expected) {
    Throwable thrown = catchThrowable(() -> codec.decode(datagram, length, expected));
    assertThat(thrown).isInstanceOf(ProtocolException.class);
    return ((ProtocolException) thrown).reason();
  }

  /**
   * Asserts that decode refuses {@code json} as bad-field, with a problem that says {@code why}.
   */
  void assertBadField(String singleQuoted, String why) {
    Throwable thrown = catchThrowable(() -> decode(singleQuoted));
    assertThat(thrown).isInstanceOf(ProtocolException.class).hasMessageContaining(why);
    assertThat(((ProtocolException) thrown).reason()).isEqualTo(Reason.BAD_FIELD);
  }

  Message roundTrip(Message message) throws ProtocolException {
    byte[] datagram = codec.encode(message);
    return codec.decode(datagram, datagram.length, directionOf(message));
  }

  static Class<? extends Message> directionOf(Message message) {
    return message instanceof ClientMessage ? ClientMessage.class : ServerMessage.class;
  }

  static JsonNode parse(byte[] datagram) throws IOException {
    return new ObjectMapper().readTree(datagram);
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The records a sealed interface permits, through any sealed interfaces in between. */
  static Set<Class<?>> leafTypes(Class<?> type) {
    Set<Class<?>> leaves = new HashSet<>();
    if (!type.isSealed()) {
      leaves.add(type);
      return leaves;
    }
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      leaves.addAll(leafTypes(permitted));
    }
    return leaves;
  }

  /** {@code original} with one to three bytes replaced, inserted or removed. */
  static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      byte value = (byte) random.nextInt(256);
      byte[] before = Arrays.copyOf(bytes, at);
      switch (random.nextInt(3)) {
        case 0 -> bytes[at] = value;
        case 1 -> bytes = concat(before, new byte[] {value}, from(bytes, at));
        default -> bytes = concat(before, from(bytes, at + 1));
      }
    }
    return bytes;
  }

  static byte[] from(byte[] bytes, int start) {
    return Arrays.copyOfRange(bytes, start, bytes.length);
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
