package udpchat.server;

import udpchat.server.net.Sender;

/**
 * What the server's {@link Sender} has sent so far.
 *
 * @param datagrams every datagram sent, a batch counting once for each address it went to
 * @param batches the batches among them
 * @param batchedEvents the room events those batches carried
 */
public record SendCounts(long datagrams, long batches, long batchedEvents) {}
