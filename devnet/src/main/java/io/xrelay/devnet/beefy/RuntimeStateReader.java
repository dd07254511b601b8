package io.xrelay.devnet.beefy;

import io.vertx.core.Future;
import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.storage.StorageKey;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link BeefyRuntimeState} at a block from chopsticks, with keys and types taken from the
 * metadata of the runtime that built that block (fetched once per spec version). An absent value
 * reads as the entry's default, as the runtime itself would read it.
 */
final class RuntimeStateReader {
  private final UpstreamRpc rpc;
  private final Map<Long, Future<RuntimeMetadata>> metadataBySpec = new HashMap<>();

  RuntimeStateReader(final UpstreamRpc rpc) {
    this.rpc = rpc;
  }

  Future<BeefyRuntimeState> read(final String blockHash) {
    return metadata(blockHash)
        .compose(
            metadata -> {
              final Future<Value> root = value(metadata, "Mmr", "RootHash", blockHash);
              final Future<Value> setId = value(metadata, "Beefy", "ValidatorSetId", blockHash);
              final Future<Value> authorities = value(metadata, "Beefy", "Authorities", blockHash);
              return Future.all(root, setId, authorities)
                  .map(
                      all ->
                          new BeefyRuntimeState(
                              H256.wrap(bytes(root.result(), "Mmr.RootHash")),
                              integer(setId.result(), "Beefy.ValidatorSetId"),
                              authorityIds(authorities.result())));
            });
  }

  private Future<RuntimeMetadata> metadata(final String blockHash) {
    return rpc.call("state_getRuntimeVersion", blockHash)
        .compose(
            version -> {
              if (!(version instanceof io.vertx.core.json.JsonObject object)
                  || !(object.getValue("specVersion") instanceof Number spec)) {
                return Future.failedFuture(
                    new UpstreamException(
                        "state_getRuntimeVersion", "no specVersion in " + version));
              }
              final Future<RuntimeMetadata> cached = metadataBySpec.get(spec.longValue());
              if (cached != null) {
                return cached;
              }
              final Future<RuntimeMetadata> fetched =
                  rpc.call("state_getMetadata", blockHash)
                      .map(hex -> MetadataDecoder.decodeHex(String.valueOf(hex)));
              metadataBySpec.put(spec.longValue(), fetched);
              // A failed fetch must not stay cached.
              fetched.onFailure(error -> metadataBySpec.remove(spec.longValue()));
              return fetched;
            });
  }

  private Future<Value> value(
      final RuntimeMetadata metadata,
      final String pallet,
      final String entryName,
      final String blockHash) {
    final byte[] key;
    final StorageEntry entry;
    try {
      key = StorageKey.of(metadata, pallet, entryName);
      entry = metadata.pallet(pallet).orElseThrow().storageEntry(entryName).orElseThrow();
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new IllegalStateException(
              "the runtime has no " + pallet + "." + entryName + ": " + e.getMessage(), e));
    }
    return rpc.call("state_getStorage", Hex.encode(key), blockHash)
        .map(
            stored -> {
              final byte[] bytes =
                  stored == null ? entry.defaultValue() : Hex.decode(String.valueOf(stored));
              try {
                return new ValueCodec(metadata.types()).decode(entry.valueType(), bytes);
              } catch (ScaleDecodeException e) {
                throw new IllegalStateException(
                    pallet + "." + entryName + " at " + blockHash + ": " + e.getMessage(), e);
              }
            });
  }

  private static byte[] bytes(final Value value, final String what) {
    if (Value.unwrapNewtypes(value) instanceof Value.Bytes bytes) {
      return bytes.bytes();
    }
    throw new IllegalStateException(what + " is not bytes: " + value);
  }

  private static long integer(final Value value, final String what) {
    if (Value.unwrapNewtypes(value) instanceof Value.Int integer) {
      return integer.value().longValue();
    }
    throw new IllegalStateException(what + " is not an integer: " + value);
  }

  private static List<byte[]> authorityIds(final Value value) {
    if (!(Value.unwrapNewtypes(value) instanceof Value.Sequence sequence)) {
      throw new IllegalStateException("Beefy.Authorities is not a sequence: " + value);
    }
    final List<byte[]> ids = new ArrayList<>(sequence.items().size());
    for (final Value item : sequence.items()) {
      ids.add(bytes(item, "a Beefy authority id"));
    }
    return ids;
  }
}
