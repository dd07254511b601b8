package io.xrelay.proofs.grandpa;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A relay-chain header ({@code Header<u32, BlakeTwo256>}): {@code parent_hash ‖ Compact(number) ‖
 * state_root ‖ extrinsics_root ‖ Vec<DigestItem>}. Its hash is the blake2b-256 of that encoding.
 */
public record SubstrateHeader(
    H256 parentHash, long number, H256 stateRoot, H256 extrinsicsRoot, List<DigestItem> digest) {
  private static final String TYPE = "Header";

  public SubstrateHeader {
    digest = List.copyOf(digest);
  }

  public static SubstrateHeader decode(final ScaleReader reader) {
    final H256 parentHash = H256.read(reader);
    final long number = reader.readCompactU32();
    final H256 stateRoot = H256.read(reader);
    final H256 extrinsicsRoot = H256.read(reader);
    final int count = reader.readLength("Header.digest", 1);
    final List<DigestItem> digest = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      try {
        digest.add(DigestItem.decode(reader));
      } catch (ScaleDecodeException e) {
        throw e.within("digest[" + i + "]");
      }
    }
    return new SubstrateHeader(parentHash, number, stateRoot, extrinsicsRoot, digest);
  }

  /** Decodes exactly one header. */
  public static SubstrateHeader decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final SubstrateHeader header = decode(reader);
    reader.requireEnd(TYPE);
    return header;
  }

  public void encode(final ScaleWriter writer) {
    parentHash.write(writer);
    writer.writeCompact(number);
    stateRoot.write(writer);
    extrinsicsRoot.write(writer);
    writer.writeCompact(digest.size());
    digest.forEach(item -> DigestItem.encode(writer, item));
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(256);
    encode(writer);
    return writer.toByteArray();
  }

  /** The block hash: blake2b-256 of the encoding. */
  public H256 hash() {
    return Hashing.blake2b256(encode());
  }
}
