package io.xrelay.substrate.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.substrate.block.BlockHeader;
import io.xrelay.substrate.block.Justification;
import io.xrelay.substrate.block.SignedBlock;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.events.SystemEvents;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.storage.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed reads of a Substrate chain over a {@link JsonRpcClient}. Metadata is fetched once per
 * runtime spec version and reused for every block of that runtime, so an upgrade is picked up at
 * the first block that runs the new runtime. A reply of the wrong shape fails the call with a
 * {@link RpcException} of kind {@code BAD_RESPONSE}.
 */
public final class SubstrateClient {
  private final JsonRpcClient rpc;
  private final Map<Long, Future<RuntimeMetadata>> metadataBySpec = new ConcurrentHashMap<>();

  public SubstrateClient(final JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  public JsonRpcClient rpc() {
    return rpc;
  }

  public Future<String> finalizedHead() {
    return rpc.call("chain_getFinalizedHead").map(result -> hash("chain_getFinalizedHead", result));
  }

  /** The hash of block {@code number}; fails when the node has no such block. */
  public Future<String> blockHash(final long number) {
    return rpc.call("chain_getBlockHash", number)
        .map(
            result -> {
              if (result == null) {
                throw new RpcException(
                    RpcException.Kind.BAD_RESPONSE,
                    "chain_getBlockHash",
                    "the node has no block " + number);
              }
              return hash("chain_getBlockHash", result);
            });
  }

  public Future<BlockHeader> header(final String hash) {
    return rpc.call("chain_getHeader", hash).map(result -> parseHeader("chain_getHeader", result));
  }

  public Future<SignedBlock> block(final String hash) {
    return rpc.call("chain_getBlock", hash).map(result -> parseBlock(hash, result));
  }

  /** The storage value at {@code key}, at block {@code at} (null: best block). */
  public Future<Optional<byte[]>> storage(final byte[] key, final String at) {
    return rpc.call("state_getStorage", params(Hex.encode(key), at))
        .map(
            result ->
                result == null
                    ? Optional.<byte[]>empty()
                    : Optional.of(bytes("state_getStorage", result)));
  }

  /**
   * Up to {@code count} keys under {@code prefix}, after {@code startKey} (null: from the start).
   */
  public Future<List<byte[]>> storageKeys(
      final byte[] prefix, final int count, final byte[] startKey, final String at) {
    final JsonArray params =
        new JsonArray()
            .add(Hex.encode(prefix))
            .add(count)
            .add(startKey == null ? null : Hex.encode(startKey));
    if (at != null) {
      params.add(at);
    }
    return rpc.call("state_getKeysPaged", params)
        .map(
            result -> {
              if (!(result instanceof JsonArray keys)) {
                throw badShape("state_getKeysPaged", "an array of keys");
              }
              final List<byte[]> out = new ArrayList<>(keys.size());
              for (final Object key : keys) {
                out.add(bytes("state_getKeysPaged", key));
              }
              return out;
            });
  }

  public Future<RuntimeVersion> runtimeVersion(final String at) {
    return rpc.call(
            "state_getRuntimeVersion", at == null ? new JsonArray() : new JsonArray().add(at))
        .map(
            result -> {
              if (!(result instanceof JsonObject version)
                  || !(version.getValue("specVersion") instanceof Number spec)
                  || !(version.getValue("transactionVersion") instanceof Number tx)) {
                throw badShape(
                    "state_getRuntimeVersion", "an object with specVersion and transactionVersion");
              }
              return new RuntimeVersion(
                  version.getString("specName", ""), spec.longValue(), tx.longValue());
            });
  }

  /** The metadata of the runtime that executed block {@code at}, cached per spec version. */
  public Future<RuntimeMetadata> metadata(final String at) {
    return runtimeVersion(at)
        .compose(
            version ->
                metadataBySpec.computeIfAbsent(
                    version.specVersion(),
                    spec -> {
                      final Future<RuntimeMetadata> fetched =
                          rpc.call(
                                  "state_getMetadata",
                                  at == null ? new JsonArray() : new JsonArray().add(at))
                              .map(result -> decodeMetadata(result));
                      // A failed fetch must not stay cached.
                      fetched.onFailure(error -> metadataBySpec.remove(spec));
                      return fetched;
                    }));
  }

  /** {@code System.Events} of block {@code at}, decoded with that block's metadata. */
  public Future<List<EventRecord>> events(final String at) {
    return metadata(at)
        .compose(
            metadata ->
                storage(StorageKey.of(metadata, "System", "Events"), at)
                    .map(
                        value -> {
                          try {
                            return value.isEmpty()
                                ? List.<EventRecord>of()
                                : new SystemEvents(metadata).decode(value.get());
                          } catch (ScaleDecodeException e) {
                            throw new RpcException(
                                RpcException.Kind.BAD_RESPONSE,
                                "state_getStorage",
                                "System.Events at " + at + ": " + e.getMessage());
                          }
                        }));
  }

  /** The node's best (not yet final) heads, as they are imported. */
  public Future<RpcSubscription> subscribeNewHeads(final Handler<BlockHeader> handler) {
    return rpc.subscribe(
        "chain_subscribeNewHeads",
        "chain_unsubscribeNewHeads",
        new JsonArray(),
        result -> handler.handle(parseHeader("chain_newHead", result)));
  }

  public Future<RpcSubscription> subscribeFinalizedHeads(final Handler<BlockHeader> handler) {
    return rpc.subscribe(
        "chain_subscribeFinalizedHeads",
        "chain_unsubscribeFinalizedHeads",
        new JsonArray(),
        result -> handler.handle(parseHeader("chain_finalizedHead", result)));
  }

  /**
   * One change set of {@code state_subscribeStorage}: the block and each key's new value (empty
   * when removed).
   */
  public record StorageChange(String block, Map<String, Optional<byte[]>> values) {}

  /**
   * Follows storage keys: the first notification carries their current values, later ones the keys
   * that changed in a block.
   */
  public Future<RpcSubscription> subscribeStorage(
      final List<byte[]> keys, final Handler<StorageChange> handler) {
    final JsonArray hexKeys = new JsonArray();
    keys.forEach(key -> hexKeys.add(Hex.encode(key)));
    return rpc.subscribe(
        "state_subscribeStorage",
        "state_unsubscribeStorage",
        new JsonArray().add(hexKeys),
        result -> {
          if (!(result instanceof JsonObject change)
              || !(change.getValue("changes") instanceof JsonArray changes)) {
            throw badShape("state_storage", "an object with block and changes");
          }
          final Map<String, Optional<byte[]>> values = new java.util.LinkedHashMap<>();
          for (final Object entry : changes) {
            if (!(entry instanceof JsonArray pair) || pair.size() != 2) {
              throw badShape("state_storage", "changes as [key, value] pairs");
            }
            values.put(
                String.valueOf(pair.getValue(0)).toLowerCase(java.util.Locale.ROOT),
                pair.getValue(1) == null
                    ? Optional.empty()
                    : Optional.of(bytes("state_storage", pair.getValue(1))));
          }
          handler.handle(new StorageChange(change.getString("block"), values));
        });
  }

  /** Follows the runtime version: the current one at once, then one per runtime upgrade. */
  public Future<RpcSubscription> subscribeRuntimeVersion(final Handler<RuntimeVersion> handler) {
    return rpc.subscribe(
        "state_subscribeRuntimeVersion",
        "state_unsubscribeRuntimeVersion",
        new JsonArray(),
        result -> {
          if (!(result instanceof JsonObject version)
              || !(version.getValue("specVersion") instanceof Number spec)) {
            throw badShape("state_runtimeVersion", "a runtime version object");
          }
          handler.handle(
              new RuntimeVersion(
                  version.getString("specName", ""),
                  spec.longValue(),
                  version.getValue("transactionVersion") instanceof Number tx
                      ? tx.longValue()
                      : -1));
        });
  }

  // ---- parsing ----

  private static RuntimeMetadata decodeMetadata(final Object result) {
    if (!(result instanceof String hex)) {
      throw badShape("state_getMetadata", "a hex string");
    }
    try {
      return MetadataDecoder.decodeHex(hex);
    } catch (ScaleDecodeException e) {
      throw new RpcException(RpcException.Kind.BAD_RESPONSE, "state_getMetadata", e.getMessage());
    }
  }

  static BlockHeader parseHeader(final String method, final Object result) {
    if (!(result instanceof JsonObject header)) {
      throw badShape(method, "a header object");
    }
    final Object number = header.getValue("number");
    final long blockNumber;
    try {
      blockNumber =
          number instanceof Number n ? n.longValue() : Long.decode(String.valueOf(number));
    } catch (NumberFormatException e) {
      throw badShape(method, "a header with a numeric number");
    }
    final JsonObject digest =
        header.getValue("digest") instanceof JsonObject d ? d : new JsonObject();
    final List<String> logs = new ArrayList<>();
    if (digest.getValue("logs") instanceof JsonArray array) {
      for (final Object log : array) {
        logs.add(Hex.encode(bytes(method, log)));
      }
    }
    return new BlockHeader(
        hash(method, header.getValue("parentHash")),
        blockNumber,
        hash(method, header.getValue("stateRoot")),
        hash(method, header.getValue("extrinsicsRoot")),
        logs);
  }

  private static SignedBlock parseBlock(final String hash, final Object result) {
    if (!(result instanceof JsonObject signed)
        || !(signed.getValue("block") instanceof JsonObject block)) {
      throw badShape("chain_getBlock", "an object with a block");
    }
    final BlockHeader header = parseHeader("chain_getBlock", block.getValue("header"));
    final List<String> extrinsics = new ArrayList<>();
    if (block.getValue("extrinsics") instanceof JsonArray array) {
      for (final Object extrinsic : array) {
        extrinsics.add(Hex.encode(bytes("chain_getBlock", extrinsic)));
      }
    }
    final List<Justification> justifications = new ArrayList<>();
    if (signed.getValue("justifications") instanceof JsonArray array) {
      for (final Object entry : array) {
        if (!(entry instanceof JsonArray pair) || pair.size() != 2) {
          throw badShape("chain_getBlock", "justifications as [engine id, bytes] pairs");
        }
        justifications.add(
            Justification.of(
                bytes("chain_getBlock", pair.getValue(0)),
                bytes("chain_getBlock", pair.getValue(1))));
      }
    }
    return new SignedBlock(hash, header, extrinsics, justifications);
  }

  /**
   * Bytes as nodes serve them: 0x-hex, or (for engine ids and justifications) arrays of numbers.
   */
  static byte[] bytes(final String method, final Object value) {
    if (value instanceof String hex) {
      try {
        return Hex.decode(hex);
      } catch (IllegalArgumentException e) {
        throw badShape(method, "hex bytes (" + e.getMessage() + ")");
      }
    }
    if (value instanceof JsonArray numbers) {
      final byte[] out = new byte[numbers.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(numbers.getValue(i) instanceof Number n) || n.intValue() < 0 || n.intValue() > 255) {
          throw badShape(method, "bytes as numbers 0..255");
        }
        out[i] = (byte) n.intValue();
      }
      return out;
    }
    throw badShape(method, "bytes");
  }

  private static String hash(final String method, final Object value) {
    if (!(value instanceof String hex) || !hex.startsWith("0x") || hex.length() != 66) {
      throw badShape(method, "a 32-byte 0x-hex hash");
    }
    return hex.toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonArray params(final Object first, final String at) {
    final JsonArray params = new JsonArray().add(first);
    if (at != null) {
      params.add(at);
    }
    return params;
  }

  private static RpcException badShape(final String method, final String expected) {
    return new RpcException(RpcException.Kind.BAD_RESPONSE, method, "expected " + expected);
  }
}
