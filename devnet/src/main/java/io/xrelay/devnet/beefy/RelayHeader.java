package io.xrelay.devnet.beefy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.substrate.block.BlockHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parts of a relay block header the voter needs: where the block sits in the chain. */
record RelayHeader(long number, String hash, String parentHash) {

  /**
   * From a header as {@code chain_getHeader} and {@code chain_finalizedHead} serve it. Without a
   * known hash, the hash is computed as blake2_256 of the encoded header, which holds for every
   * chopsticks block but its genesis (whose RPC hash is a fixed {@code 0x4545..45}).
   *
   * @throws IllegalArgumentException when the JSON is not a header
   */
  static RelayHeader fromJson(final Object json, final String knownHash) {
    final BlockHeader header = parse(json);
    final String hash = knownHash != null ? knownHash : header.computeHash();
    return new RelayHeader(
        header.number(),
        hash.toLowerCase(Locale.ROOT),
        header.parentHash().toLowerCase(Locale.ROOT));
  }

  static BlockHeader parse(final Object json) {
    if (!(json instanceof JsonObject header)) {
      throw new IllegalArgumentException("a header must be a JSON object, got " + json);
    }
    final Object number = header.getValue("number");
    final long blockNumber =
        number instanceof Number n ? n.longValue() : Long.decode(String.valueOf(number));
    final List<String> logs = new ArrayList<>();
    if (header.getValue("digest") instanceof JsonObject digest
        && digest.getValue("logs") instanceof JsonArray array) {
      for (final Object log : array) {
        logs.add(String.valueOf(log));
      }
    }
    return new BlockHeader(
        requireHex(header, "parentHash"),
        blockNumber,
        requireHex(header, "stateRoot"),
        requireHex(header, "extrinsicsRoot"),
        logs);
  }

  private static String requireHex(final JsonObject header, final String field) {
    if (!(header.getValue(field) instanceof String hex) || !hex.startsWith("0x")) {
      throw new IllegalArgumentException("header field " + field + " is not 0x-hex: " + header);
    }
    return hex;
  }
}
