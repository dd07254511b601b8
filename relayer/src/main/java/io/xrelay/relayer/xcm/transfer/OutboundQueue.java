package io.xrelay.relayer.xcm.transfer;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Instruction;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.Xcm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The origin's queue of outgoing messages towards the destination, read at the block that sent
 * ours: {@code Dmp.DownwardMessageQueues(para)} on a relay chain ({@code Vec<{sent_at: u32, msg:
 * Vec<u8>}>}), {@code ParachainSystem.UpwardMessages} on a parachain ({@code Vec<Vec<u8>>}). Older
 * pallet-xcm emits no {@code Sent} event for transfers and its router's topic is random, so the
 * queue is the one place on the origin where the message, and with it its id, can be seen.
 */
public final class OutboundQueue {
  private final byte[] key;
  private final boolean downward;

  private OutboundQueue(final byte[] key, final boolean downward) {
    this.key = key;
    this.downward = downward;
  }

  /** The queue from {@code origin} to {@code destination}, or empty between two parachains. */
  public static Optional<OutboundQueue> of(
      final RuntimeMetadata metadata, final Chain origin, final Chain destination) {
    if (origin.isRelay() && !destination.isRelay()) {
      final PalletMetadata dmp = pallet(metadata, "Dmp");
      final StorageEntry queues = entry(dmp, "DownwardMessageQueues");
      final byte[] paraId =
          new ScaleWriter(4).writeU32(destination.paraId().getAsLong()).toByteArray();
      return Optional.of(
          new OutboundQueue(
              StorageKey.ofEncoded(dmp.storagePrefix(), queues, List.of(paraId)), true));
    }
    if (!origin.isRelay() && destination.isRelay()) {
      final PalletMetadata system = pallet(metadata, "ParachainSystem");
      return Optional.of(
          new OutboundQueue(
              StorageKey.ofEncoded(
                  system.storagePrefix(), entry(system, "UpwardMessages"), List.of()),
              false));
    }
    return Optional.empty();
  }

  public byte[] key() {
    return key.clone();
  }

  /** The encoded {@code VersionedXcm} messages of a stored queue value. */
  public List<byte[]> messages(final byte[] value) {
    final ScaleReader in = ScaleReader.of(value);
    final long count = in.readCompactU32();
    final List<byte[]> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      if (downward) {
        in.readU32(); // sent_at
      }
      out.add(in.readByteVec());
    }
    return out;
  }

  /**
   * Ours among {@code messages}: the last one ending with {@code topic} when we chose it, else the
   * last one that deposits to {@code beneficiary}.
   */
  public static Optional<byte[]> find(
      final List<byte[]> messages, final Optional<Bytes> topic, final Location beneficiary) {
    byte[] found = null;
    for (final byte[] encoded : messages) {
      final VersionedXcm message;
      try {
        message = XcmCodec.decodeVersionedXcm(encoded);
      } catch (ScaleDecodeException | IllegalArgumentException e) {
        continue; // not ours: ours was built by a runtime that decodes what it sends
      }
      final boolean ours =
          topic.isPresent()
              ? message.topic().equals(topic)
              : message instanceof VersionedXcm.Current current
                  && depositsTo(current.message(), beneficiary);
      if (ours) {
        found = encoded;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean depositsTo(final Xcm xcm, final Location beneficiary) {
    for (final Instruction instruction : xcm.instructions()) {
      if (instruction instanceof Instruction.DepositAsset deposit
          && deposit.beneficiary().equals(beneficiary)) {
        return true;
      }
      if (instruction instanceof Instruction.DepositReserveAsset reserve
          && depositsTo(reserve.xcm(), beneficiary)) {
        return true;
      }
    }
    return false;
  }

  private static PalletMetadata pallet(final RuntimeMetadata metadata, final String name) {
    return metadata
        .pallet(name)
        .orElseThrow(() -> new IllegalArgumentException("the origin runtime has no " + name));
  }

  private static StorageEntry entry(final PalletMetadata pallet, final String name) {
    return pallet
        .storageEntry(name)
        .orElseThrow(
            () -> new IllegalArgumentException(pallet.name() + " has no storage entry " + name));
  }
}
