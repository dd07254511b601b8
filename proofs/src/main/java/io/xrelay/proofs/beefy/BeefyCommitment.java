package io.xrelay.proofs.beefy;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What BEEFY validators sign: {@code Commitment { payload, block_number: u32, validator_set_id: u64
 * }}. Validators sign {@code keccak256(SCALE(commitment))} with no message prefix.
 *
 * <p>The payload keeps the order it was given or decoded in, because that order is part of the
 * signed bytes (and BeefyClient re-encodes calldata in the order it receives). Substrate keeps
 * payloads sorted by id; {@link #withSortedPayload} builds that form and {@link #isPayloadSorted}
 * checks it.
 */
public record BeefyCommitment(
    List<BeefyPayloadItem> payload, long blockNumber, long validatorSetId) {
  private static final Comparator<BeefyPayloadItem> BY_ID =
      Comparator.comparingInt(BeefyPayloadItem::id);

  public BeefyCommitment {
    payload = List.copyOf(payload);
    if (blockNumber < 0 || blockNumber > 0xffffffffL) {
      throw new IllegalArgumentException("block number must fit u32: " + blockNumber);
    }
  }

  /** A commitment whose payload is sorted by id, as Substrate builds it. */
  public static BeefyCommitment withSortedPayload(
      final List<BeefyPayloadItem> payload, final long blockNumber, final long validatorSetId) {
    final List<BeefyPayloadItem> sorted = new ArrayList<>(payload);
    sorted.sort(BY_ID);
    return new BeefyCommitment(sorted, blockNumber, validatorSetId);
  }

  /** A commitment with the single {@code mh} payload item Polkadot and Kusama emit. */
  public static BeefyCommitment ofMmrRoot(
      final H256 mmrRoot, final long blockNumber, final long validatorSetId) {
    return new BeefyCommitment(
        List.of(new BeefyPayloadItem(BeefyPayloadItem.MMR_ROOT_ID, mmrRoot.bytes())),
        blockNumber,
        validatorSetId);
  }

  public static BeefyCommitment decode(final ScaleReader reader) {
    final int count = reader.readLength("BeefyCommitment.payload", 3);
    final List<BeefyPayloadItem> payload = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final int id = reader.readU8() << 8 | reader.readU8();
      payload.add(new BeefyPayloadItem(id, reader.readByteVec()));
    }
    final long blockNumber = reader.readU32();
    final long validatorSetId = reader.readU64();
    return new BeefyCommitment(payload, blockNumber, validatorSetId);
  }

  public void encode(final ScaleWriter writer) {
    writer.writeCompact(payload.size());
    for (final BeefyPayloadItem item : payload) {
      writer.writeU8(item.id() >> 8).writeU8(item.id() & 0xff).writeByteVec(item.data());
    }
    writer.writeU32(blockNumber).writeU64(validatorSetId);
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(64);
    encode(writer);
    return writer.toByteArray();
  }

  /** The hash validators sign: {@code keccak256(SCALE(commitment))}. */
  public H256 hash() {
    return Hashing.keccak256(encode());
  }

  /** Whether the ids are in strictly increasing order, as Substrate keeps them. */
  public boolean isPayloadSorted() {
    for (int i = 1; i < payload.size(); i++) {
      if (payload.get(i - 1).id() >= payload.get(i).id()) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code mh} item's data when it is 32 bytes (BeefyClient takes the first one). */
  public Optional<H256> mmrRoot() {
    for (final BeefyPayloadItem item : payload) {
      if (item.id() == BeefyPayloadItem.MMR_ROOT_ID) {
        final byte[] data = item.data();
        return data.length == H256.LENGTH ? Optional.of(H256.wrap(data)) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
