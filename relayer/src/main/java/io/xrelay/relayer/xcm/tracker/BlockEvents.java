package io.xrelay.relayer.xcm.tracker;

import java.time.Instant;
import java.util.List;

/**
 * What the tracker reads from one finalized block of one chain: its events, and the XCM bytes that
 * no event carries (downward messages a parachain received in its {@code setValidationData}
 * inherent, messages a chain queued for sending, horizontal pages a relay chain carried).
 */
public record BlockEvents(
    String chain,
    long number,
    String hash,
    Instant time,
    List<ChainEvent> events,
    List<DownwardMessage> downward,
    List<OutboundMessage> outbound,
    List<HorizontalPage> horizontal) {

  public BlockEvents {
    events = List.copyOf(events);
    downward = List.copyOf(downward);
    outbound = List.copyOf(outbound);
    horizontal = List.copyOf(horizontal);
  }

  public static BlockEvents of(
      final String chain,
      final long number,
      final String hash,
      final Instant time,
      final List<ChainEvent> events) {
    return new BlockEvents(chain, number, hash, time, events, List.of(), List.of(), List.of());
  }

  /** A downward message as the parachain's inherent delivers it. */
  public record DownwardMessage(long sentAt, byte[] message) {}

  /**
   * An encoded {@code VersionedXcm} this chain queued for sending.
   *
   * @param recipientPara the receiving para id, or {@link TrackedChain#RELAY} for upward messages
   */
  public record OutboundMessage(int recipientPara, byte[] message) {}

  /** An XCMP page from one parachain to another carried in a relay chain block. */
  public record HorizontalPage(int senderPara, int recipientPara, byte[] page) {}
}
