package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import io.xrelay.xcm.framing.FramedXcm;
import io.xrelay.xcm.framing.XcmpPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the tracker needs of one finalized block over RPC, decoded with the metadata of that
 * block's runtime: the events, the block time, the downward messages of a parachain's {@code
 * setValidationData} inherent, and the outbound queues ({@code ParachainSystem.UpwardMessages},
 * {@code HrmpOutboundMessages}) when an event says a message was queued. Chopsticks serves all of
 * these like a real node.
 */
public final class ChainBlockReader {
  private static final byte[] TIMESTAMP_NOW = StorageKey.prefix("Timestamp", "Now");
  private static final byte[] UPWARD_MESSAGES =
      StorageKey.prefix("ParachainSystem", "UpwardMessages");
  private static final byte[] HRMP_OUTBOUND =
      StorageKey.prefix("ParachainSystem", "HrmpOutboundMessages");

  private final String chain;
  private final SubstrateClient client;

  public ChainBlockReader(final String chain, final SubstrateClient client) {
    this.chain = chain;
    this.client = client;
  }

  public Future<BlockEvents> read(final long number, final String hash) {
    return client
        .metadata(hash)
        .compose(
            metadata ->
                Future.all(
                        client.events(hash),
                        client.storage(TIMESTAMP_NOW, hash),
                        client.block(hash).map(block -> block.extrinsics()))
                    .compose(
                        all -> {
                          final List<EventRecord> records = all.resultAt(0);
                          final Optional<byte[]> now = all.resultAt(1);
                          final List<String> extrinsics = all.resultAt(2);
                          final List<ChainEvent> events = events(records);
                          final Instant time =
                              now.map(
                                      bytes ->
                                          Instant.ofEpochMilli(ScaleReader.of(bytes).readU64()))
                                  .orElse(Instant.EPOCH);
                          final List<BlockEvents.DownwardMessage> downward =
                              downwardMessages(metadata, extrinsics);
                          return outbound(events, hash)
                              .map(
                                  outbound ->
                                      new BlockEvents(
                                          chain,
                                          number,
                                          hash,
                                          time,
                                          events,
                                          downward,
                                          outbound,
                                          List.of(),
                                          extrinsics.stream()
                                              .map(x -> Hex.encode(Blake2b.hash256(Hex.decode(x))))
                                              .toList()));
                        }));
  }

  private static List<ChainEvent> events(final List<EventRecord> records) {
    final List<ChainEvent> events = new ArrayList<>(records.size());
    int index = 0;
    for (final EventRecord record : records) {
      final long extrinsic =
          switch (record.phase()) {
            case APPLY_EXTRINSIC -> record.extrinsicIndex();
            case INITIALIZATION -> -1;
            case FINALIZATION -> -2;
          };
      final JsonNode fields = EventJson.of(record.fields());
      events.add(new ChainEvent(index++, extrinsic, record.pallet(), record.name(), fields));
    }
    return events;
  }

  /** Reads the outbound queues only when an event says something was queued in this block. */
  private Future<List<BlockEvents.OutboundMessage>> outbound(
      final List<ChainEvent> events, final String hash) {
    final boolean upward = events.stream().anyMatch(e -> e.name().equals("UpwardMessageSent"));
    final boolean horizontal = events.stream().anyMatch(e -> e.name().equals("XcmpMessageSent"));
    if (!upward && !horizontal) {
      return Future.succeededFuture(List.of());
    }
    return Future.all(
            upward
                ? client.storage(UPWARD_MESSAGES, hash)
                : Future.succeededFuture(Optional.empty()),
            horizontal
                ? client.storage(HRMP_OUTBOUND, hash)
                : Future.succeededFuture(Optional.empty()))
        .map(
            all -> {
              final List<BlockEvents.OutboundMessage> out = new ArrayList<>();
              final Optional<byte[]> up = all.resultAt(0);
              up.ifPresent(bytes -> out.addAll(upwardMessages(bytes)));
              final Optional<byte[]> hrmp = all.resultAt(1);
              hrmp.ifPresent(bytes -> out.addAll(horizontalMessages(bytes)));
              return out;
            });
  }

  /** {@code Vec<Vec<u8>>}: each an encoded {@code VersionedXcm} for the relay chain. */
  static List<BlockEvents.OutboundMessage> upwardMessages(final byte[] encoded) {
    final List<BlockEvents.OutboundMessage> out = new ArrayList<>();
    try {
      final ScaleReader reader = ScaleReader.of(encoded);
      final int count = reader.readLength("ParachainSystem.UpwardMessages", 1);
      for (int i = 0; i < count; i++) {
        out.add(new BlockEvents.OutboundMessage(TrackedChain.RELAY, reader.readByteVec()));
      }
    } catch (ScaleDecodeException e) {
      // An unexpected layout: the hash events still track the messages, without topics.
    }
    return out;
  }

  /** {@code Vec<OutboundHrmpMessage{recipient: u32, data: Vec<u8>}>}, each data an XCMP page. */
  static List<BlockEvents.OutboundMessage> horizontalMessages(final byte[] encoded) {
    final List<BlockEvents.OutboundMessage> out = new ArrayList<>();
    try {
      final ScaleReader reader = ScaleReader.of(encoded);
      final int count = reader.readLength("ParachainSystem.HrmpOutboundMessages", 5);
      for (int i = 0; i < count; i++) {
        final int recipient = (int) reader.readU32();
        final byte[] page = reader.readByteVec();
        for (final FramedXcm message : XcmpPage.decode(page).messages()) {
          out.add(new BlockEvents.OutboundMessage(recipient, message.encoded().toArray()));
        }
      }
    } catch (ScaleDecodeException | IllegalArgumentException e) {
      // As above.
    }
    return out;
  }

  /**
   * The downward messages in the block's {@code ParachainSystem.set_validation_data} inherent,
   * decoded with the pallet's call type from the metadata.
   */
  static List<BlockEvents.DownwardMessage> downwardMessages(
      final RuntimeMetadata metadata, final List<String> extrinsics) {
    final Optional<PalletMetadata> pallet = metadata.pallet("ParachainSystem");
    if (pallet.isEmpty() || !pallet.get().hasCalls()) {
      return List.of();
    }
    final ValueCodec codec = new ValueCodec(metadata.types());
    final List<BlockEvents.DownwardMessage> out = new ArrayList<>();
    for (final String extrinsic : extrinsics) {
      try {
        final ScaleReader reader = ScaleReader.of(Hex.decode(extrinsic));
        reader.readCompactInt("extrinsic length");
        final int version = reader.readU8();
        if ((version & 0x80) != 0 || reader.readU8() != pallet.get().index()) {
          continue; // signed, or another pallet's call
        }
        final Value call = codec.decode(pallet.get().callType(), reader);
        if (!(call instanceof Value.Variant variant)
            || !variant.name().equals("set_validation_data")) {
          continue;
        }
        final JsonNode data = EventJson.of(variant.fields()).path("data");
        for (final JsonNode message : data.path("downward_messages")) {
          out.add(
              new BlockEvents.DownwardMessage(
                  EventFields.number(message.path("sent_at")),
                  Hex.decode(message.path("msg").asText())));
        }
      } catch (ScaleDecodeException | IllegalArgumentException e) {
        // Not an inherent we can read; the executions still show the messages.
      }
    }
    return out;
  }
}
