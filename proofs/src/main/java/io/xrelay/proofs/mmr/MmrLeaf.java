package io.xrelay.proofs.mmr;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaf pallet-beefy-mmr appends to the MMR in each relay-chain block (113 bytes SCALE): {@code
 * version: u8 ‖ parent_number: u32 ‖ parent_hash: H256 ‖ next_authority_set {id: u64, len: u32,
 * keyset_commitment: H256} ‖ leaf_extra: H256}. The leaf appended in block N describes block N - 1;
 * its {@code leaf_extra} is the parachain heads root.
 *
 * @param version {@code MmrLeafVersion}: major in the top 3 bits, minor in the low 5 (0 today)
 */
public record MmrLeaf(
    int version,
    long parentNumber,
    H256 parentHash,
    long nextAuthoritySetId,
    long nextAuthoritySetLength,
    H256 nextAuthoritySetRoot,
    H256 parachainHeadsRoot) {
  public static final int ENCODED_LENGTH = 113;
  private static final String TYPE = "MmrLeaf";

  public MmrLeaf {
    if (version < 0 || version > 0xff) {
      throw new IllegalArgumentException("version must fit u8: " + version);
    }
    if (parentNumber < 0 || parentNumber > 0xffffffffL) {
      throw new IllegalArgumentException("parent number must fit u32: " + parentNumber);
    }
    if (nextAuthoritySetLength < 0 || nextAuthoritySetLength > 0xffffffffL) {
      throw new IllegalArgumentException("set length must fit u32: " + nextAuthoritySetLength);
    }
  }

  public static MmrLeaf decode(final ScaleReader reader) {
    return new MmrLeaf(
        reader.readU8(),
        reader.readU32(),
        H256.read(reader),
        reader.readU64(),
        reader.readU32(),
        H256.read(reader),
        H256.read(reader));
  }

  /** Decodes exactly one 113-byte leaf. */
  public static MmrLeaf decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final MmrLeaf leaf = decode(reader);
    reader.requireEnd(TYPE);
    return leaf;
  }

  /**
   * Decodes the {@code leaves} field of {@code mmr_generateProof}: {@code Vec<EncodableOpaqueLeaf>}
   * where each opaque leaf is a {@code Vec<u8>} holding one SCALE-encoded leaf.
   */
  public static List<MmrLeaf> decodeOpaqueLeaves(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final int count = reader.readLength("Vec<EncodableOpaqueLeaf>", 1);
    final List<MmrLeaf> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      try {
        leaves.add(decode(reader.readByteVec()));
      } catch (io.xrelay.scale.ScaleDecodeException e) {
        throw e.within("leaves[" + i + "]");
      }
    }
    reader.requireEnd("Vec<EncodableOpaqueLeaf>");
    return leaves;
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(ENCODED_LENGTH);
    writer.writeU8(version).writeU32(parentNumber);
    parentHash.write(writer);
    writer.writeU64(nextAuthoritySetId).writeU32(nextAuthoritySetLength);
    nextAuthoritySetRoot.write(writer);
    parachainHeadsRoot.write(writer);
    return writer.toByteArray();
  }

  /** {@code keccak256} of the 113-byte encoding: the MMR leaf hash. */
  public H256 hash() {
    return Hashing.keccak256(encode());
  }
}
