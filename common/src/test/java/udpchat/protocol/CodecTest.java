package udpchat.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import udpchat.protocol.ProtocolException.Reason;

class CodecTest {

  /** A well-formed session token: 22 characters of base64url. */
  static final String SESSION = "AbCdEfGhIjKlMnOpQr_-09";

  /** The longest valid name in bytes: 32 letters of 4 bytes each (U+20000, CJK extension B). */
  static final String LONGEST_NAME = new String(Character.toChars(0x20000)).repeat(32);

  /** A text exactly at the limit. */
  static final String LONGEST_TEXT = "x".repeat(Limits.MAX_TEXT_BYTES);

  final Codec codec = new Codec();

  // ---------------------------------------------------------------------------------------------
  // Round trips and the wire format

  static Stream<Message> everyMessageType() {
    return Stream.of(
        new Join("alice"),
        new Ping(SESSION, 1),
        new Say(SESSION, 2, "hello", false),
        new Say(SESSION, 3, "waves", true),
        new Say(SESSION, 0, "", false),
        new Tell(SESSION, 4, "bob", "psst"),
        new Who(SESSION, 5),
        new Nick(SESSION, 6, "alice2"),
        new Leave(SESSION),
        new Welcome(SESSION, "alice", 5_000, 15_000, 3),
        new Pong(Long.MAX_VALUE),
        new Chat("alice", "hello", false),
        new Chat("alice", "waves", true),
        new Private("alice", "bob", "psst"),
        Notice.about(Notice.JOINED, "alice", 2),
        new Notice(Notice.RENAMED, "alice", "alicia", 2),
        new Notice(Notice.SHUTDOWN, null, null, 0),
        new Members(5, List.of("alice", "bob")),
        new Members(0, List.of()),
        new ErrorReply(ErrorReply.NAME_TAKEN, "that name is taken", 0),
        new ErrorReply(ErrorReply.TOO_LONG, "message too long", 42),
        new Away(SESSION, 7, true, "lunch"),
        new Away(SESSION, 8, true, null),
        new Away(SESSION, 9, false, null),
        new Presence("bob", Presence.AWAY, "lunch", null),
        new Presence("bob", Presence.SUSPECT, null, 8000L),
        new Presence("bob", Presence.ACTIVE, null, null));
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
    Chat chat = new Chat("Zoë", text, true);

    assertThat(roundTrip(say)).isEqualTo(say);
    assertThat(roundTrip(chat)).isEqualTo(chat);
  }

  @Test
  void roundTripsUnicodeNames() throws ProtocolException {
    Private message = new Private("張伟", LONGEST_NAME, "hi");

    assertThat(roundTrip(message)).isEqualTo(message);
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
        Arguments.of(new Join("alice"), "join"),
        Arguments.of(new Ping(SESSION, 1), "ping"),
        Arguments.of(new Say(SESSION, 1, "hi", false), "say"),
        Arguments.of(new Tell(SESSION, 1, "bob", "hi"), "tell"),
        Arguments.of(new Who(SESSION, 1), "who"),
        Arguments.of(new Nick(SESSION, 1, "bob"), "nick"),
        Arguments.of(new Leave(SESSION), "leave"),
        Arguments.of(new Welcome(SESSION, "alice", 1, 1, 1), "welcome"),
        Arguments.of(new Pong(1), "pong"),
        Arguments.of(new Chat("alice", "hi", false), "chat"),
        Arguments.of(new Private("alice", "bob", "hi"), "private"),
        Arguments.of(Notice.about(Notice.LEFT, "alice", 0), "notice"),
        Arguments.of(new Members(1, List.of("alice")), "members"),
        Arguments.of(new ErrorReply(ErrorReply.MALFORMED, "bad", 0), "error"),
        Arguments.of(new Away(SESSION, 1, true, "x"), "away"),
        Arguments.of(new Presence("bob", Presence.ACTIVE, null, null), "presence"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wireNames")
  void encodesTheVersionAndTheWireNameFirst(Message message, String wireName) {
    String json = new String(codec.encode(message), UTF_8);

    assertThat(json).startsWith("{\"v\":1,\"type\":\"" + wireName + "\"");
    assertThat(Codec.typeName(message.getClass())).isEqualTo(wireName);
  }

  @Test
  void encodesTheDocumentedFieldsAndNothingElse() {
    String json = new String(codec.encode(new Say(SESSION, 7, "hi", true)), UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"v\":1,\"type\":\"say\",\"session\":\""
                + SESSION
                + "\",\"id\":7,\"text\":\"hi\",\"action\":true}");
  }

  @Test
  void leaveCarriesNoId() throws IOException {
    JsonNode tree = parse(codec.encode(new Leave(SESSION)));

    assertThat(tree.has("id")).isFalse();
  }

  @Test
  void omitsAbsentOptionalFields() throws IOException {
    JsonNode joined = parse(codec.encode(Notice.about(Notice.JOINED, "alice", 2)));
    JsonNode shutdown = parse(codec.encode(new Notice(Notice.SHUTDOWN, null, null, 0)));

    assertThat(joined.has("newName")).isFalse();
    assertThat(joined.get("name").textValue()).isEqualTo("alice");
    assertThat(shutdown.has("name")).isFalse();
    assertThat(shutdown.has("newName")).isFalse();
    assertThat(new String(codec.encode(new Notice(Notice.SHUTDOWN, null, null, 0)), UTF_8))
        .doesNotContain("null");
  }

  @Test
  void encodesCharactersOutsideTheBmpAsPlainUtf8() {
    byte[] datagram = codec.encode(new Chat("alice", "😀", false));

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
    return Stream.of(
        new Chat(LONGEST_NAME, LONGEST_TEXT, false),
        new Private(LONGEST_NAME, LONGEST_NAME, LONGEST_TEXT),
        new Say(SESSION, Long.MAX_VALUE, LONGEST_TEXT, false),
        new Tell(SESSION, Long.MAX_VALUE, LONGEST_NAME, LONGEST_TEXT));
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
        "{'v':1,}",
        "{v:1,type:'ping'}",
        "{'v':1,'type':'pong','id':1} // a comment",
        "{'v':1,'type':'pong','id':01}",
        "{'v':1,'type':'pong','id':NaN}"
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
    assertThat(refusal("{'v':1,'type':'pong','id':1}\u0000")).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "[{'v':1,'type':'pong','id':1}]", "'pong'", "5", "null", "true"})
  void refusesJsonThatIsNotAnObject(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.NOT_AN_OBJECT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'say','x':[[[[[[]]]]]]}",
        "{'v':1,'type':'say','x':[[[[]]]]}",
        "{'v':1,'type':'say','x':{'a':{'b':{'c':{}}}}}"
      })
  void refusesDeepNesting(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.TOO_COMPLEX);
  }

  @Test
  void acceptsNestingUpToTheLimitInAnIgnoredField() throws ProtocolException {
    // An object holding an array of arrays of arrays: depth 4, the limit.
    String json = "{'v':1,'type':'leave','session':'$S','x':[[[]]]}";

    assertThat(decode(json)).isEqualTo(new Leave(SESSION));
  }

  @Test
  void refusesADatagramLongerThanTheLimit() {
    String json = "{'v':1,'type':'say','session':'$S','id':1,'text':'" + "x".repeat(2_000) + "'}";

    assertThat(refusal(json)).isEqualTo(Reason.OVERSIZE);
  }

  @Test
  void refusesALengthArgumentLargerThanTheLimit() {
    byte[] buffer = new byte[4_096];
    byte[] json = utf8(json("{'v':1,'type':'pong','id':1}"));
    System.arraycopy(json, 0, buffer, 0, json.length);

    assertThat(refusal(buffer, Limits.MAX_DATAGRAM_BYTES + 1, Message.class))
        .isEqualTo(Reason.OVERSIZE);
  }

  @Test
  void acceptsADatagramOfExactlyTheLimit() throws ProtocolException {
    String json = json("{'v':1,'type':'pong','id':1}");
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

    assertThat(refusal("{'v':1,'type':'pong','id':" + number + "}")).isEqualTo(Reason.TOO_COMPLEX);
  }

  @Test
  void refusesANumberOutOfTheRangeOfItsField() {
    assertThat(refusal("{'v':1,'type':'pong','id':99999999999999999999}"))
        .isEqualTo(Reason.BAD_FIELD);
    assertThat(refusal("{'v':1,'type':'members','total':3000000000,'names':[]}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesALongFieldName() {
    String name = "k".repeat(Limits.MAX_FIELD_NAME_CHARS + 1);

    assertThat(refusal("{'v':1,'type':'pong','" + name + "':1,'id':1}"))
        .isEqualTo(Reason.TOO_COMPLEX);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'say','session':'$S','id':'7','text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':1.5,'text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':1.0,'text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':1e3,'text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':true,'text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':null,'text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':5,'action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':true,'action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':['hi'],'action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':{},'action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':'hi','action':'yes'}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':'hi','action':1}",
        "{'v':1,'type':'say','session':'$S','id':1,'text':'hi','action':null}",
        "{'v':1,'type':'say','session':5,'id':1,'text':'hi','action':false}",
        "{'v':1,'type':'members','total':1,'names':'x'}",
        "{'v':1,'type':'members','total':1,'names':[1]}",
        "{'v':1,'type':'members','total':'1','names':[]}",
        "{'v':1,'type':'welcome','session':'$S','name':'a','heartbeatMs':'5','timeoutMs':5,"
            + "'online':1}"
      })
  void refusesFieldsOfTheWrongType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'say','session':'$S','id':1,'text':'hi'}",
        "{'v':1,'type':'say','session':'$S','text':'hi','action':false}",
        "{'v':1,'type':'say','session':'$S','id':1,'action':false}",
        "{'v':1,'type':'ping','id':1}",
        "{'v':1,'type':'join'}",
        "{'v':1,'type':'members','total':1}",
        "{'v':1,'type':'error','message':'m','ref':0}",
        "{'v':1,'type':'away','session':'$S','id':1,'reason':'lunch'}",
        "{'v':1,'type':'presence','name':'bob'}",
        "{'v':1,'type':'presence','state':'away'}"
      })
  void refusesMissingFields(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'members','total':0,'names':['alice']}",
        "{'v':1,'type':'members','total':1,'names':[null]}",
        "{'v':1,'type':'welcome','session':'$S','name':'a','heartbeatMs':0,'timeoutMs':5,"
            + "'online':1}",
        "{'v':1,'type':'notice','event':'renamed','name':'a','newName':'b c','online':1}",
        "{'v':1,'type':'private','from':'alice','to':'','text':'hi'}",
        "{'v':1,'type':'away','session':'$S','id':1,'away':false,'reason':'lunch'}",
        "{'v':1,'type':'away','session':'$S','id':1,'away':'true'}",
        "{'v':1,'type':'away','session':'$S','id':1,'away':1}",
        "{'v':1,'type':'away','session':'$S','id':1,'away':true,'reason':5}",
        "{'v':1,'type':'presence','name':'b c','state':'away'}",
        "{'v':1,'type':'presence','name':'bob','state':'suspect','silentMs':-1}",
        "{'v':1,'type':'presence','name':'bob','state':'suspect','silentMs':'5'}"
      })
  void refusesValuesTheRecordsForbid(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'ping','session':'$S','id':-1}",
        "{'v':1,'type':'say','session':'$S','id':-7,'text':'hi','action':false}",
        "{'v':1,'type':'pong','id':-1}",
        "{'v':1,'type':'error','code':'malformed','message':'m','ref':-1}"
      })
  void refusesNegativeIds(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_FIELD);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "short",
        "AbCdEfGhIjKlMnOpQr_-0", // 21
        "AbCdEfGhIjKlMnOpQr_-09X", // 23
        "AbCdEfGhIjKlMnOpQr+/09", // base64, not base64url
        "AbCdEfGhIjKlMnOpQr_-0=",
        "AbCdEfGhIjKlMnOpQr_-0 ",
        "AbCdEfGhIjKlMnOpQr_-0é"
      })
  void refusesABadSessionToken(String session) {
    assertThat(refusal("{'v':1,'type':'leave','session':'" + session + "'}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesAMissingSessionToken() {
    assertThat(refusal("{'v':1,'type':'leave'}")).isEqualTo(Reason.BAD_FIELD);
  }

  /** The room answers a bad name with name-invalid, so the codec lets it through. */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "a b", "-alice", "_alice", ".alice", "a@b", "a\\u0000b", "😀"})
  void passesAnInvalidNameInJoinToTheRoom(String name) throws Exception {
    assertThat(decode("{'v':1,'type':'join','name':'" + name + "'}")).isInstanceOf(Join.class);
  }

  @Test
  void refusesAJoinWithoutAName() {
    assertThat(refusal("{'v':1,'type':'join'}")).isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void refusesAServerMessageWithAnInvalidName() {
    assertThat(refusal("{'v':1,'type':'chat','from':'a b','text':'hi','action':false}"))
        .isEqualTo(Reason.BAD_FIELD);
  }

  @Test
  void namesTheProblemOfABadField() {
    Throwable thrown =
        catchThrowable(
            () -> decode("{'v':1,'type':'chat','from':'a b','text':'hi','action':false}"));

    assertThat(thrown).hasMessageContaining("from").hasMessageContaining("U+0020");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'shout'}",
        "{'v':1,'type':'Say','session':'$S','id':1,'text':'hi','action':false}",
        "{'v':1,'type':''}",
        "{'v':1,'type':'toString'}"
      })
  void refusesAnUnknownType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.UNKNOWN_TYPE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'session':'$S'}",
        "{'v':1,'type':5,'session':'$S'}",
        "{'v':1,'type':null,'session':'$S'}",
        "{'v':1,'type':['leave'],'session':'$S'}"
      })
  void refusesAMissingOrNonStringType(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.UNKNOWN_TYPE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'type':'leave','session':'$S'}",
        "{'v':null,'type':'leave','session':'$S'}",
        "{'v':'1','type':'leave','session':'$S'}",
        "{'v':1.0,'type':'leave','session':'$S'}",
        "{'v':true,'type':'leave','session':'$S'}",
        "{'v':[1],'type':'leave','session':'$S'}",
        "{'v':0,'type':'leave','session':'$S'}",
        "{'v':2,'type':'leave','session':'$S'}",
        "{'v':-1,'type':'leave','session':'$S'}",
        "{'v':4294967297,'type':'leave','session':'$S'}", // 2^32 + 1
        "{'v':18446744073709551617,'type':'leave','session':'$S'}" // 2^64 + 1
      })
  void refusesAMissingOrWrongVersion(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.BAD_VERSION);
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
        "{'v':1,'type':'say','type':'leave','session':'$S','id':1,'text':'hi','action':false}",
        "{'v':1,'v':2,'type':'leave','session':'$S'}",
        "{'v':1,'type':'leave','session':'$S','session':'$S'}",
        "{'v':1,'type':'leave','session':'$S','x':{'a':1,'a':2}}"
      })
  void refusesDuplicateKeysAsNotJson(String json) {
    // Jackson's strict duplicate detection fails while parsing, so the reason is not-json.
    assertThat(refusal(json)).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'pong','id':1} x",
        "{'v':1,'type':'pong','id':1}{'v':1,'type':'pong','id':2}",
        "{'v':1,'type':'pong','id':1}{}",
        "{'v':1,'type':'pong','id':1}]",
        "{'v':1,'type':'pong','id':1},",
        "{'v':1,'type':'pong','id':1} 1"
      })
  void refusesTrailingJunk(String json) {
    assertThat(refusal(json)).isEqualTo(Reason.NOT_JSON);
  }

  @Test
  void acceptsTrailingWhitespace() throws ProtocolException {
    assertThat(decode("{'v':1,'type':'pong','id':1} \r\n\t")).isEqualTo(new Pong(1));
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
            utf8(json("{'v':1,'type':'say','session':'$S','id':1,'action':false,'text':'a")),
            HexFormat.of().parseHex(hex),
            utf8("b\"}"));

    assertThat(refusal(datagram, datagram.length, Message.class)).isEqualTo(Reason.NOT_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'v':1,'type':'leave','session':'$S','future':{'a':[1,2]}}",
        "{'v':1,'type':'leave','session':'$S','id':5}",
        "{'v':1,'type':'leave','session':'$S','colour':'red','n':null}",
        "{'future':true,'v':1,'type':'leave','session':'$S'}"
      })
  void ignoresUnknownFields(String json) throws ProtocolException {
    assertThat(decode(json)).isEqualTo(new Leave(SESSION));
  }

  @Test
  void aLongProblemIsShortenedWithoutSplittingACharacter() {
    String type = "x".repeat(112) + "😀".repeat(10); // a plain cut at 117 would split an emoji
    ProtocolException thrown =
        (ProtocolException) catchThrowable(() -> decode("{'v':1,'type':'" + type + "'}"));

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
  // Helpers

  /** {@code json} with single quotes made double and {@code $S} replaced by {@link #SESSION}. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').replace("$S", SESSION);
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
