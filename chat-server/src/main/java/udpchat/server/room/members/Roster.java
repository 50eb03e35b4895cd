package udpchat.server.room.members;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import udpchat.protocol.ServerMessage;
import udpchat.server.delivery.Delivery;
import udpchat.server.delivery.Stream;
import udpchat.server.door.Admission;
import udpchat.server.net.Outbox;
import udpchat.text.Names;

/**
 * The room's members, by address, by name ({@link NameRegister}), by when they were last heard
 * ({@link SeenOrder}) and by presence ({@link PresenceBoard}): kept consistent here, so a member is
 * added and removed in one place.
 */
public final class Roster {

  private final Map<InetSocketAddress, Member> byAddress = new HashMap<>();
  private final NameRegister nameRegister = new NameRegister();
  private final SeenOrder bySeen = new SeenOrder();
  private final PresenceBoard presence;
  private final Admission admission;
  private final Delivery delivery;
  private final Outbox outbox;

  /** Every member's stream, in the order of {@link #byAddress}: what an event is published to. */
  private final Iterable<Stream> streams =
      () -> byAddress.values().stream().map(Member::stream).iterator();

  public Roster(PresenceBoard presence, Admission admission, Delivery delivery, Outbox outbox) {
    this.presence = presence;
    this.admission = admission;
    this.delivery = delivery;
    this.outbox = outbox;
  }

  public Member get(InetSocketAddress address) {
    return byAddress.get(address);
  }

  public int size() {
    return byAddress.size();
  }

  public Collection<Member> members() {
    return byAddress.values();
  }

  public Iterable<Stream> streams() {
    return streams;
  }

  public PresenceBoard presence() {
    return presence;
  }

  /** Whether {@code member} is still in the room (not left or expired since it was looked up). */
  public boolean present(Member member) {
    return byAddress.get(member.address()) == member;
  }

  /** The member whose name is {@code name} or looks like it, other than {@code except}, if any. */
  public Member clash(String name, Member except) {
    return nameRegister.clash(name, except);
  }

  /** The member named {@code name}, if any. */
  public Member holder(String name) {
    return nameRegister.holder(name);
  }

  public void add(Member member) {
    byAddress.put(member.address(), member);
    admission.admitted(member.address().getAddress());
    nameRegister.add(member);
    bySeen.heard(member);
  }

  /** {@code member} was heard at {@code nowMs}: it moves to the end of the expiry order. */
  public void heard(Member member, long nowMs) {
    member.seen(nowMs);
    bySeen.heard(member);
    presence.heard(member).ifPresent(this::broadcast);
  }

  public void rename(Member member, String name) {
    nameRegister.remove(member);
    member.rename(name);
    nameRegister.add(member);
  }

  public void remove(Member member) {
    bySeen.forget(member);
    forget(member);
  }

  /** Removes every member silent for longer than {@code timeoutMs} at {@code nowMs}. */
  public List<Member> expire(long nowMs, long timeoutMs) {
    List<Member> expired = new ArrayList<>();
    for (Iterator<Member> it = bySeen.iterator(); it.hasNext(); ) {
      Member member = it.next();
      if (!member.expired(nowMs, timeoutMs)) {
        break; // everyone after it was heard from later
      }
      it.remove();
      forget(member);
      expired.add(member);
    }
    return expired;
  }

  /** Tells every member who went silent, or came back, since the last sweep. */
  public void sweepPresence(long nowMs) {
    presence.sweep(bySeen, byAddress.size(), nowMs).forEach(this::broadcast);
  }

  /** The names of the members, in the order {@code /who} lists them. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    byAddress.values().forEach(member -> names.add(member.name()));
    names.sort(Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder()));
    return names;
  }

  /**
   * Sends {@code message} to every member outside the room's order: soft state that the next report
   * replaces (presence) and the goodbye, which need no retransmission.
   */
  public void broadcast(ServerMessage message) {
    List<InetSocketAddress> addresses = new ArrayList<>(byAddress.size());
    byAddress.values().forEach(member -> addresses.add(member.address()));
    outbox.broadcast(message, addresses);
  }

  private void forget(Member member) {
    byAddress.remove(member.address());
    admission.departed(member.address().getAddress());
    nameRegister.remove(member);
    presence.forget(member);
    delivery.forget(member.stream());
  }
}
