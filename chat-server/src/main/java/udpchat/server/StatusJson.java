package udpchat.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import udpchat.server.journal.JournalCounts;
import udpchat.server.journal.JournalState;
import udpchat.server.net.KernelUdpCounters;
import udpchat.server.room.RoomSnapshot;
import udpchat.server.web.Json;
import udpchat.server.web.Response;

/**
 * The JSON of {@code /api/stats}, {@code /api/members} and {@code /health} (docs/HTTP.md): from a
 * {@link RoomSnapshot} and the {@link ServerReadings}, never a message text, a private message or
 * the room key. Every string that came from the network goes through {@link Json#quote}.
 */
final class StatusJson {

  private StatusJson() {}

  /** The members in {@code /who} order: names, and the first {@link RoomSnapshot#MAX_DETAILED}. */
  static String members(RoomSnapshot room) {
    StringBuilder json = new StringBuilder("{\"count\":").append(room.names().size());
    json.append(",\"names\":[");
    for (int i = 0; i < room.names().size(); i++) {
      json.append(i == 0 ? "" : ",").append(Json.quote(room.names().get(i)));
    }
    json.append("],\"members\":[");
    for (int i = 0; i < room.members().size(); i++) {
      RoomSnapshot.MemberView member = room.members().get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":")
          .append(Json.quote(member.name()))
          .append(",\"address\":")
          .append(Json.quote(member.address()))
          .append(",\"state\":")
          .append(Json.quote(member.state()))
          .append(",\"lastSeenAt\":")
          .append(member.lastSeenAtMs())
          .append(",\"rttMs\":")
          .append(member.roundTripMs() < 0 ? "null" : String.format("%.1f", member.roundTripMs()))
          .append(",\"unacked\":")
          .append(member.unacknowledged())
          .append(",\"joinedAt\":")
          .append(member.joinedAtMs())
          .append('}');
    }
    return json.append("]}").toString();
  }

  static String stats(String roomName, RoomSnapshot room, ServerReadings server) {
    StringBuilder drops = new StringBuilder();
    server
        .drops()
        .snapshot()
        .forEach(
            (reason, count) ->
                drops
                    .append(drops.length() == 0 ? "" : ",")
                    .append(Json.quote(reason)) // the server's own codes, quoted all the same
                    .append(':')
                    .append(count));
    JournalCounts journal = server.journal().get();
    JournalState state = server.journalState();
    RoomSnapshot.PresenceCounts presence = room.presence();
    return "{\"room\":"
        + Json.quote(roomName)
        + ",\"private\":"
        + server.sealed()
        + ",\"uptimeSeconds\":"
        + Math.round(server.uptimeSeconds())
        + ",\"startedAt\":"
        + server.startedAtMs()
        + ",\"epoch\":"
        + server.epoch()
        + ",\"serverKey\":"
        + Json.quote(server.fingerprint().toString())
        + ",\"serverKeyShort\":"
        + Json.quote(server.fingerprint().shortForm())
        + ",\"members\":"
        + room.names().size()
        + ",\"presence\":{\"live\":"
        + presence.live()
        + ",\"suspect\":"
        + presence.suspect()
        + ",\"away\":"
        + presence.away()
        + "},\"head\":"
        + room.head()
        + ",\"lastEventAt\":"
        + (room.lastEventAtMs() < 0 ? "null" : room.lastEventAtMs())
        + ",\"messagesAccepted\":"
        + server.room().messagesAccepted()
        + ",\"datagramsSent\":"
        + server.datagramsSent().getAsLong()
        + ",\"retransmits\":"
        + server.room().delivery().resent()
        + ",\"drops\":{"
        + drops
        + "},\"journal\":{\"events\":"
        + journal.events()
        + ",\"writes\":"
        + journal.writes()
        + ",\"forces\":"
        + journal.forces()
        + ",\"sizeBytes\":"
        + (state == null ? "null" : state.sizeBytes())
        + ",\"compactions\":"
        + (state == null ? 0 : state.compactions())
        + ",\"lastCompactionAt\":"
        + (state == null || state.lastCompactionAtMs() < 0 ? "null" : state.lastCompactionAtMs())
        + "},\"receiveBufferBytes\":"
        + server.receiveBufferBytes()
        + ",\"rcvbufErrors\":"
        + orNull(KernelUdpCounters.receiveBufferErrors())
        + "}";
  }

  /**
   * 200 while the receive loop and the room's thread run and the journal's last write and force
   * succeeded; 503 with the reasons otherwise.
   */
  static Response health(ServerReadings server) {
    List<String> problems = new ArrayList<>();
    if (!server.receiving().getAsBoolean()) {
      problems.add("the receive loop (udpchat-receiver) is not running");
    }
    if (!server.roomRunning().getAsBoolean()) {
      problems.add("the room's thread (udpchat-room) is not running");
    }
    JournalState journal = server.journalState();
    String journalProblem = journal == null ? null : journal.problem();
    if (journalProblem != null) {
      problems.add("the journal is not writable: " + journalProblem);
    }
    String checks =
        "\"receiving\":"
            + server.receiving().getAsBoolean()
            + ",\"room\":"
            + server.roomRunning().getAsBoolean()
            + ",\"journal\":"
            + Json.quote(
                journal == null ? "none" : journalProblem == null ? "writable" : "failing");
    if (problems.isEmpty()) {
      return Response.json("{\"status\":\"ok\"," + checks + "}");
    }
    StringBuilder reasons = new StringBuilder();
    problems.forEach(p -> reasons.append(reasons.length() == 0 ? "" : ",").append(Json.quote(p)));
    return Response.json(
        503, "{\"status\":\"failing\"," + checks + ",\"reasons\":[" + reasons + "]}");
  }

  private static String orNull(long value) {
    return value < 0 ? "null" : Long.toString(value);
  }

  /** The counters the status page charts, by series name, cumulative (History makes rates). */
  static Map<String, Long> chartCounters(ServerReadings server) {
    Map<String, Long> counters = new java.util.TreeMap<>();
    counters.put("messages", server.room().messagesAccepted());
    long in = 0;
    for (var count : server.received().snapshot().values()) {
      in += count.datagrams();
    }
    counters.put("datagramsIn", in);
    counters.put("datagramsOut", server.datagramsSent().getAsLong());
    counters.put("retransmits", server.room().delivery().resent());
    server.drops().snapshot().forEach((reason, count) -> counters.put("drop:" + reason, count));
    return counters;
  }
}
