package udpchat.protocol;

/**
 * The server's answer to an address that is not a member: to a {@link Join} without a valid cookie,
 * and to any session request (the session is unknown at that address). The client joins (again)
 * with {@code cookie} in its join, which proves that it receives at its source address; until then
 * the server keeps nothing about the address. Like QUIC's Retry and DTLS's HelloVerifyRequest.
 *
 * <p>It is 56 bytes long, smaller than any request it answers (a join is padded to {@link
 * Limits#MIN_JOIN_BYTES}, the smallest session request is 62 bytes), so forged requests cannot make
 * the server send more than it receives.
 *
 * @param cookie 128 bits of a MAC of the address and the time, a 22-character token
 */
public record Retry(String cookie) implements ServerMessage {
  public Retry {
    Fields.token("cookie", cookie);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onRetry(this);
  }
}
