package io.xrelay.substrate.block;

import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A Substrate block header with a 32-byte hash and a u32 block number (relay chains and FRAME
 * parachains). Digest items are kept SCALE-encoded, as nodes serve them. Hashes are 0x-hex.
 */
public record BlockHeader(
    String parentHash,
    long number,
    String stateRoot,
    String extrinsicsRoot,
    List<String> digestLogs) {

  public BlockHeader {
    digestLogs = List.copyOf(digestLogs);
  }

  /** The SCALE encoding whose blake2_256 is the block hash. */
  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(256);
    writer.writeBytes(Hex.decode(parentHash));
    writer.writeCompact(number);
    writer.writeBytes(Hex.decode(stateRoot));
    writer.writeBytes(Hex.decode(extrinsicsRoot));
    writer.writeCompact(digestLogs.size());
    for (final String log : digestLogs) {
      writer.writeBytes(Hex.decode(log));
    }
    return writer.toByteArray();
  }

  /**
   * blake2_256 of the encoding. (Chopsticks serves other hashes for its genesis; use the RPC's.)
   */
  public String computeHash() {
    return Hex.encode(Blake2b.hash256(encode()));
  }

  /** Decodes an encoded header; digest items are split by their own SCALE layout. */
  public static BlockHeader decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final String parent = Hex.encode(reader.readBytes(32));
    final long number = reader.readCompactU32();
    final String stateRoot = Hex.encode(reader.readBytes(32));
    final String extrinsicsRoot = Hex.encode(reader.readBytes(32));
    final int count = reader.readLength("digest", 1);
    final List<String> logs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final int start = reader.position();
      skipDigestItem(reader);
      logs.add(Hex.encode(encoded, start, reader.position() - start));
    }
    reader.requireEnd("Header");
    return new BlockHeader(parent, number, stateRoot, extrinsicsRoot, logs);
  }

  /**
   * DigestItem: PreRuntime(6), Consensus(4), Seal(5) carry an engine id and bytes; Other(0) bytes;
   * RuntimeEnvironmentUpdated(8) nothing.
   */
  private static void skipDigestItem(final ScaleReader reader) {
    final int at = reader.position();
    final int kind = reader.readVariantIndex("DigestItem");
    switch (kind) {
      case 4, 5, 6 -> {
        reader.skip(4);
        reader.skip(reader.readLength("DigestItem payload", 1));
      }
      case 0 -> reader.skip(reader.readLength("DigestItem payload", 1));
      case 8 -> {}
      default -> throw reader.errorAt(at, "DigestItem", "unknown variant " + kind);
    }
  }
}
