package io.xrelay.relayer.xcm.tracker;

import java.time.Instant;
import java.util.List;

/**
 * What the tracker reads from one finalized block of one chain: its events, and the XCM bytes that
 * no event carries (downward messages a parachain received in its {@code setValidationData}
 * inherent, messages a chain queued for sending, horizontal pages a relay chain carried) and the
 * hashes of its extrinsics (by index, when read), so a journey can be found by the extrinsic that
 * sent it.
 */
public record BlockEvents(
    String chain,
    long number,
    String hash,
    Instant time,
    List<ChainEvent> events,
    List<DownwardMessage> downward,
    List<OutboundMessage> outbound,
    List<HorizontalPage> horizontal,
    List<String> extrinsicHashes) {

  public BlockEvents {
    events = List.copyOf(events);
    extrinsicHashes = List.copyOf(extrinsicHashes);
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
    return new BlockEvents(
        chain, number, hash, time, events, List.of(), List.of(), List.of(), List.of());
  }

  /** The 0x-hash of extrinsic {@code index}, if known. */
  public java.util.Optional<String> extrinsicHash(final long index) {
    return index >= 0 && index < extrinsicHashes.size()
        ? java.util.Optional.of(extrinsicHashes.get((int) index))
        : java.util.Optional.empty();
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
