package udpchat.protocol.json;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import udpchat.protocol.Ack;
import udpchat.protocol.Away;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
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
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;

/**
 * The protocol's table of message types: each {@code "type"} on the wire and the record it is read
 * as. A fixed table, never a class name from the datagram, so no polymorphic typing is enabled.
 */
final class MessageTypes {

  private static final Map<String, Class<? extends Message>> TYPES =
      Map.ofEntries(
          Map.entry("join", Join.class),
          Map.entry("ping", Ping.class),
          Map.entry("say", Say.class),
          Map.entry("tell", Tell.class),
          Map.entry("who", Who.class),
          Map.entry("nick", Nick.class),
          Map.entry("leave", Leave.class),
          Map.entry("ack", Ack.class),
          Map.entry("history", History.class),
          Map.entry("welcome", Welcome.class),
          Map.entry("pong", Pong.class),
          Map.entry("chat", Chat.class),
          Map.entry("private", Private.class),
          Map.entry("notice", Notice.class),
          Map.entry("members", Members.class),
          Map.entry("error", ErrorReply.class),
          Map.entry("posted", Posted.class),
          Map.entry("lost", Lost.class),
          // Address validation (docs/PROTOCOL.md, section 2)
          Map.entry("retry", Retry.class),
          // Presence (docs/PROTOCOL.md, section 12)
          Map.entry("away", Away.class),
          Map.entry("presence", Presence.class),
          // Batching (docs/PROTOCOL.md, section 14)
          Map.entry("batch", Batch.class));

  private static final Map<Class<? extends Message>, String> NAMES = invert(TYPES);

  /** What each type's datagram starts with: {@code {"v":2,"type":"chat",} (see the encoder). */
  private static final Map<Class<? extends Message>, byte[]> ENVELOPES = envelopes(NAMES);

  private MessageTypes() {}

  /** The record of wire type {@code name}, or {@code null} when there is no such type. */
  static Class<? extends Message> byName(String name) {
    return TYPES.get(name);
  }

  /** The wire name of {@code type}. */
  static String nameOf(Class<? extends Message> type) {
    return NAMES.get(type);
  }

  /** The start of every datagram of {@code type}, up to and with the comma after its type. */
  static byte[] envelope(Class<? extends Message> type) {
    return ENVELOPES.get(type);
  }

  private static Map<Class<? extends Message>, byte[]> envelopes(
      Map<Class<? extends Message>, String> names) {
    Map<Class<? extends Message>, byte[]> envelopes = new HashMap<>();
    names.forEach(
        (type, name) ->
            envelopes.put(
                type,
                ("{\"v\":" + Message.VERSION + ",\"type\":\"" + name + "\",")
                    .getBytes(StandardCharsets.US_ASCII)));
    return Map.copyOf(envelopes);
  }

  private static Map<Class<? extends Message>, String> invert(
      Map<String, Class<? extends Message>> types) {
    Map<Class<? extends Message>, String> names = new HashMap<>();
    types.forEach((name, type) -> names.put(type, name));
    return Map.copyOf(names);
  }
}
