package io.xrelay.relayer.route.beefy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.crypto.Twox;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.PartialMerkleMountainRange;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import io.xrelay.proofs.parachain.ParachainHead;
import io.xrelay.proofs.parachain.ParachainHeads;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.block.BlockHeader;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.storage.StorageKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The relayer's own MMR of a relay chain, for chains whose nodes serve no {@code mmr_generateProof}
 * (chopsticks) or have pruned it. It starts from the runtime's peaks ({@code Mmr.Nodes} at the
 * positions of the peaks of {@code Mmr.NumberOfLeaves}) at one block, then appends, block by block,
 * the leaf pallet-beefy-mmr appended there, rebuilt from chain state: version 0, the parent's
 * number and hash, {@code BeefyMmrLeaf.BeefyNextAuthorities}, and the parachain heads root of the
 * parent's {@code Paras.Heads}. After every block its root must equal the runtime's {@code
 * Mmr.RootHash}; if not, the leaf reconstruction is wrong and {@link MmrRootMismatchException}
 * stops whoever follows it.
 *
 * <p>A JSON snapshot (nodes the future proofs need, and the recent blocks' leaves) is written after
 * each advance, so a restart resumes where it was. Used on one Vert.x context; advances are
 * serialised.
 */
public final class RelayChainMmr {
  private static final System.Logger LOG = System.getLogger(RelayChainMmr.class.getName());
  private static final byte[] NUMBER_OF_LEAVES = StorageKey.prefix("Mmr", "NumberOfLeaves");
  private static final byte[] ROOT_HASH = StorageKey.prefix("Mmr", "RootHash");
  private static final byte[] NODES = StorageKey.prefix("Mmr", "Nodes");
  private static final byte[] NEXT_AUTHORITIES =
      StorageKey.prefix("BeefyMmrLeaf", "BeefyNextAuthorities");
  private static final byte[] PARACHAINS = StorageKey.prefix("Paras", "Parachains");
  private static final byte[] HEADS = StorageKey.prefix("Paras", "Heads");

  /** Recent blocks kept for proofs of their leaves; older ones go with {@link #forgetBefore}. */
  private static final int MAX_BLOCKS = 20_000;

  /** What the MMR looked like right after one block. */
  public record BlockState(long number, String hash, long leafCount, H256 root, MmrLeaf leaf) {}

  /** The root rebuilt from reconstructed leaves differs from the runtime's: a bug, not a fault. */
  public static final class MmrRootMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MmrRootMismatchException(final String message) {
      super(message);
    }
  }

  private final String chain;
  private final SubstrateClient client;
  private final Optional<Path> snapshotFile;
  private final NavigableMap<Long, BlockState> blocks = new TreeMap<>();
  private PartialMerkleMountainRange mmr;
  private long block = -1;
  private String blockHash;
  private Future<Void> advancing = Future.succeededFuture();

  /** Unknown until asked; then whether the node answers {@code mmr_generateProof}. */
  private volatile Boolean nodeServesProofs;

  public RelayChainMmr(
      final String chain, final SubstrateClient client, final Optional<Path> snapshotFile) {
    this.chain = chain;
    this.client = client;
    this.snapshotFile = snapshotFile;
  }

  /**
   * Resumes from the snapshot when it is still on the canonical chain, or starts from the runtime's
   * peaks at {@code startBlock}.
   */
  public Future<Void> start(final long startBlock) {
    final Optional<JsonObject> snapshot = readSnapshot();
    if (snapshot.isPresent()) {
      final long snapshotBlock = snapshot.get().getLong("block");
      return client
          .blockHash(snapshotBlock)
          .compose(
              hash -> {
                if (hash.equals(snapshot.get().getString("hash"))) {
                  restore(snapshot.get());
                  LOG.log(
                      System.Logger.Level.INFO,
                      chain
                          + ": own MMR resumed at block "
                          + block
                          + " ("
                          + mmr.leafCount()
                          + " leaves)");
                  return Future.succeededFuture();
                }
                LOG.log(
                    System.Logger.Level.WARNING,
                    chain
                        + ": the MMR snapshot's block "
                        + snapshotBlock
                        + " is no longer canonical; starting again from the runtime");
                return startFromRuntime(startBlock);
              });
    }
    return startFromRuntime(startBlock);
  }

  private Future<Void> startFromRuntime(final long startBlock) {
    return client
        .blockHash(startBlock)
        .compose(
            hash ->
                // Before the first leaf (genesis) neither value is stored: 0 leaves, zero root.
                Future.all(
                        storageOr(NUMBER_OF_LEAVES, hash, new byte[8]),
                        storageOr(ROOT_HASH, hash, new byte[32]))
                    .compose(
                        all -> {
                          final long leafCount = ScaleReader.of(all.<byte[]>resultAt(0)).readU64();
                          final H256 root = H256.wrap(all.<byte[]>resultAt(1));
                          final List<Future<byte[]>> peaks = new ArrayList<>();
                          for (final long position : peakPositions(leafCount)) {
                            peaks.add(storage(nodeKey(position), hash));
                          }
                          return Future.all(peaks)
                              .map(
                                  loaded -> {
                                    final List<H256> hashes = new ArrayList<>();
                                    for (int i = 0; i < peaks.size(); i++) {
                                      hashes.add(H256.wrap(loaded.<byte[]>resultAt(i)));
                                    }
                                    final PartialMerkleMountainRange fromPeaks =
                                        PartialMerkleMountainRange.fromPeaks(leafCount, hashes);
                                    if (leafCount > 0 && !fromPeaks.root().equals(root)) {
                                      throw new MmrRootMismatchException(
                                          chain
                                              + ": the runtime's peaks at block "
                                              + startBlock
                                              + " bag to "
                                              + fromPeaks.root()
                                              + ", not to its Mmr.RootHash "
                                              + root);
                                    }
                                    mmr = fromPeaks;
                                    block = startBlock;
                                    blockHash = hash;
                                    blocks.clear();
                                    LOG.log(
                                        System.Logger.Level.INFO,
                                        chain
                                            + ": own MMR starts at block "
                                            + startBlock
                                            + " from the runtime's "
                                            + hashes.size()
                                            + " peaks of "
                                            + leafCount
                                            + " leaves");
                                    writeSnapshot();
                                    return null;
                                  });
                        }));
  }

  /** The last block whose leaf is in the MMR. */
  public long block() {
    return block;
  }

  public Optional<BlockState> at(final long number) {
    return Optional.ofNullable(blocks.get(number));
  }

  /**
   * The simplified proof of block {@code number}'s own leaf against the root right after that
   * block, which is what a BEEFY commitment of that block signs.
   */
  public SimplifiedMmrProof leafProof(final long number) {
    final BlockState state = blocks.get(number);
    if (state == null) {
      throw new IllegalStateException(chain + ": the own MMR holds no block " + number);
    }
    return mmr.proof(state.leafCount() - 1, state.leafCount()).toSimplified();
  }

  /**
   * Where the node serves {@code mmr_generateProof}, checks its leaf and proof of block {@code
   * number} against the own MMR: the same leaf, and a proof that folds to the own root at that
   * block. A difference fails with {@link MmrRootMismatchException}. A node without the method
   * (chopsticks, or one that pruned the offchain nodes) is noted once and the own MMR serves alone.
   */
  public Future<Void> crossCheck(final long number) {
    final BlockState state = blocks.get(number);
    if (state == null || Boolean.FALSE.equals(nodeServesProofs)) {
      return Future.succeededFuture();
    }
    return client
        .rpc()
        .call(
            "mmr_generateProof",
            new JsonArray().add(new JsonArray().add(number)).addNull().add(state.hash()))
        .transform(
            reply -> {
              if (reply.failed() || !(reply.result() instanceof JsonObject json)) {
                if (nodeServesProofs == null) {
                  LOG.log(
                      System.Logger.Level.INFO,
                      chain
                          + ": the node serves no mmr_generateProof ("
                          + (reply.failed() ? reply.cause().getMessage() : "no object")
                          + "); proofs come from the own MMR alone");
                }
                nodeServesProofs = false;
                return Future.succeededFuture();
              }
              nodeServesProofs = true;
              final List<MmrLeaf> leaves =
                  MmrLeaf.decodeOpaqueLeaves(Hex.decode(json.getString("leaves")));
              final io.xrelay.proofs.mmr.MmrProof proof =
                  io.xrelay.proofs.mmr.MmrProof.decode(
                      ScaleReader.of(Hex.decode(json.getString("proof"))));
              if (leaves.size() != 1
                  || !leaves.get(0).equals(state.leaf())
                  || !proof.verify(state.root(), List.of(state.leaf().hash())).isValid()) {
                return Future.failedFuture(
                    new MmrRootMismatchException(
                        chain
                            + ": the node's mmr_generateProof for block "
                            + number
                            + " ("
                            + leaves
                            + ") disagrees with the own MMR's leaf "
                            + state.leaf()
                            + " and root "
                            + state.root()));
              }
              return Future.succeededFuture();
            });
  }

  /** Appends the leaves of the blocks after {@link #block()} up to {@code number}, in order. */
  public synchronized Future<Void> advanceTo(final long number) {
    advancing =
        advancing
            .otherwiseEmpty()
            .compose(v -> number <= block ? Future.succeededFuture() : step(number));
    return advancing;
  }

  private Future<Void> step(final long target) {
    final long next = block + 1;
    return appendBlock(next)
        .compose(
            v -> {
              if (block < target) {
                return step(target);
              }
              writeSnapshot();
              return Future.succeededFuture();
            });
  }

  private Future<Void> appendBlock(final long number) {
    return client
        .blockHash(number)
        .compose(
            hash ->
                client
                    .header(hash)
                    .compose(
                        header -> {
                          // Chopsticks serves a genesis hash that is not its genesis header's.
                          if (number > 1 && !header.parentHash().equals(blockHash)) {
                            return Future.failedFuture(
                                new IllegalStateException(
                                    chain
                                        + ": block "
                                        + number
                                        + " does not follow "
                                        + blockHash
                                        + " (a reorganisation below finality?)"));
                          }
                          return Future.all(
                                  leafCandidates(header, hash, blockHash),
                                  storage(ROOT_HASH, hash),
                                  storage(NUMBER_OF_LEAVES, hash))
                              .map(
                                  all -> {
                                    final List<MmrLeaf> candidates = all.resultAt(0);
                                    final H256 runtimeRoot = H256.wrap(all.<byte[]>resultAt(1));
                                    final long runtimeLeaves =
                                        ScaleReader.of(all.<byte[]>resultAt(2)).readU64();
                                    final MmrLeaf leaf = matching(candidates, runtimeRoot);
                                    mmr.append(leaf.hash());
                                    final H256 root = mmr.root();
                                    if (!root.equals(runtimeRoot)
                                        || runtimeLeaves != mmr.leafCount()) {
                                      throw new MmrRootMismatchException(
                                          chain
                                              + ": own MMR root "
                                              + root
                                              + " ("
                                              + mmr.leafCount()
                                              + " leaves) differs from the runtime's Mmr.RootHash "
                                              + runtimeRoot
                                              + " ("
                                              + runtimeLeaves
                                              + " leaves) at block "
                                              + number
                                              + ": the leaf reconstruction is wrong ("
                                              + leaf
                                              + ")");
                                    }
                                    blocks.put(
                                        number,
                                        new BlockState(number, hash, mmr.leafCount(), root, leaf));
                                    while (blocks.size() > MAX_BLOCKS) {
                                      blocks.pollFirstEntry();
                                    }
                                    block = number;
                                    blockHash = hash;
                                    return null;
                                  });
                        }));
  }

  /**
   * The leaf block {@code header} appended, which describes the parent: its {@code
   * BeefyNextAuthorities} is the value pallet-mmr's {@code on_initialize} read. That is the
   * parent's value, unless the session changes in this very block and the runtime runs the rotation
   * before pallet-mmr (Session declared first): then it is the block's own. The devnet's Kusama
   * runtime (spec 1000000) reads the parent's even then (measured at its first real session
   * change); the order is each runtime's choice, so where the two differ both leaves are
   * candidates, and the one whose root the runtime has is taken. The parent's also ignores a value
   * a dev tool ({@code dev_setStorage}) overwrote in place, which the runtime never saw.
   */
  private Future<List<MmrLeaf>> leafCandidates(
      final BlockHeader header, final String hash, final String parentAsServed) {
    return Future.all(
            storage(NEXT_AUTHORITIES, parentAsServed),
            storage(NEXT_AUTHORITIES, hash),
            parachainHeadsRoot(parentAsServed))
        .map(
            all -> {
              final List<MmrLeaf> leaves = new ArrayList<>(2);
              leaves.add(leaf(header, all.resultAt(0), all.resultAt(2)));
              if (!java.util.Arrays.equals(all.<byte[]>resultAt(0), all.<byte[]>resultAt(1))) {
                leaves.add(leaf(header, all.resultAt(1), all.resultAt(2)));
              }
              return leaves;
            });
  }

  private static MmrLeaf leaf(
      final BlockHeader header, final byte[] nextAuthorities, final H256 parachainHeads) {
    final ScaleReader set = ScaleReader.of(nextAuthorities);
    final long id = set.readU64();
    final long length = set.readU32();
    final H256 keyset = H256.read(set);
    set.requireEnd("BeefyMmrLeaf.BeefyNextAuthorities");
    return new MmrLeaf(
        0,
        header.number() - 1,
        H256.fromHex(header.parentHash()),
        id,
        length,
        keyset,
        parachainHeads);
  }

  /** The candidate whose append gives {@code runtimeRoot}; else the first (which then fails). */
  private MmrLeaf matching(final List<MmrLeaf> candidates, final H256 runtimeRoot) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    for (final MmrLeaf candidate : candidates) {
      final PartialMerkleMountainRange trial =
          PartialMerkleMountainRange.fromPeaks(mmr.leafCount(), mmr.peaks());
      trial.append(candidate.hash());
      if (trial.root().equals(runtimeRoot)) {
        return candidate;
      }
    }
    return candidates.get(0);
  }

  private Future<H256> parachainHeadsRoot(final String at) {
    return client
        .storage(PARACHAINS, at)
        .compose(
            encoded -> {
              if (encoded.isEmpty()) {
                return Future.succeededFuture(ParachainHeads.root(List.of()));
              }
              final ScaleReader reader = ScaleReader.of(encoded.get());
              final int count = reader.readLength("Paras.Parachains", 4);
              final List<Long> ids = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                ids.add(reader.readU32());
              }
              final List<Future<Optional<byte[]>>> heads = new ArrayList<>();
              ids.forEach(id -> heads.add(client.storage(headKey(id), at)));
              return Future.all(heads)
                  .map(
                      loaded -> {
                        final List<ParachainHead> present = new ArrayList<>();
                        for (int i = 0; i < ids.size(); i++) {
                          final Optional<byte[]> head = loaded.resultAt(i);
                          if (head.isPresent()) {
                            present.add(
                                new ParachainHead(
                                    ids.get(i), ScaleReader.of(head.get()).readByteVec()));
                          }
                        }
                        return ParachainHeads.root(present);
                      });
            });
  }

  /**
   * Drops what only proofs of blocks before {@code number} need (they are final on the other side).
   */
  public void forgetBefore(final long number) {
    final BlockState first = blocks.get(number);
    if (first == null) {
      return;
    }
    mmr.forgetBefore(first.leafCount() - 1);
    blocks.headMap(number, false).clear();
  }

  private Future<byte[]> storage(final byte[] key, final String at) {
    return client
        .storage(key, at)
        .map(
            value ->
                value.orElseThrow(
                    () ->
                        new IllegalStateException(
                            chain + ": no value at storage key " + Hex.encode(key) + " at " + at)));
  }

  private Future<byte[]> storageOr(final byte[] key, final String at, final byte[] absent) {
    return client.storage(key, at).map(value -> value.orElse(absent));
  }

  private static byte[] nodeKey(final long position) {
    return concat(NODES, new ScaleWriter(8).writeU64(position).toByteArray());
  }

  private static byte[] headKey(final long paraId) {
    final byte[] id = new ScaleWriter(4).writeU32(paraId).toByteArray();
    return concat(HEADS, concat(Twox.hash64(id), id));
  }

  /** The peaks' positions, left to right, of an MMR of {@code leafCount} leaves. */
  static List<Long> peakPositions(final long leafCount) {
    final List<Long> peaks = new ArrayList<>();
    long start = 0;
    for (int h = 62; h >= 0; h--) {
      if ((leafCount >>> h & 1) != 0) {
        final long treeSize = (1L << (h + 1)) - 1;
        peaks.add(start + treeSize - 1);
        start += treeSize;
      }
    }
    return peaks;
  }

  private static byte[] concat(final byte[] first, final byte[] second) {
    final byte[] out = new byte[first.length + second.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  // ---- snapshot ----

  private Optional<JsonObject> readSnapshot() {
    if (snapshotFile.isEmpty() || !Files.exists(snapshotFile.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JsonObject(Files.readString(snapshotFile.get())));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          chain + ": the MMR snapshot " + snapshotFile.get() + " is unreadable: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void restore(final JsonObject snapshot) {
    final Map<Long, H256> nodes = new HashMap<>();
    snapshot
        .getJsonObject("nodes")
        .forEach(
            entry ->
                nodes.put(Long.parseLong(entry.getKey()), H256.fromHex((String) entry.getValue())));
    mmr =
        PartialMerkleMountainRange.restore(
            snapshot.getLong("leafCount"), snapshot.getLong("firstProvableLeaf"), nodes);
    block = snapshot.getLong("block");
    blockHash = snapshot.getString("hash");
    blocks.clear();
    for (final Object item : snapshot.getJsonArray("blocks")) {
      final JsonObject b = (JsonObject) item;
      blocks.put(
          b.getLong("number"),
          new BlockState(
              b.getLong("number"),
              b.getString("hash"),
              b.getLong("leafCount"),
              H256.fromHex(b.getString("root")),
              MmrLeaf.decode(Hex.decode(b.getString("leaf")))));
    }
  }

  private void writeSnapshot() {
    if (snapshotFile.isEmpty()) {
      return;
    }
    final JsonObject nodes = new JsonObject();
    mmr.nodes().forEach((position, hash) -> nodes.put(Long.toString(position), hash.toHex()));
    final JsonArray recent = new JsonArray();
    blocks
        .values()
        .forEach(
            b ->
                recent.add(
                    new JsonObject()
                        .put("number", b.number())
                        .put("hash", b.hash())
                        .put("leafCount", b.leafCount())
                        .put("root", b.root().toHex())
                        .put("leaf", Hex.encode(b.leaf().encode()))));
    final JsonObject snapshot =
        new JsonObject()
            .put("chain", chain)
            .put("block", block)
            .put("hash", blockHash)
            .put("leafCount", mmr.leafCount())
            .put("firstProvableLeaf", mmr.firstProvableLeaf())
            .put("nodes", nodes)
            .put("blocks", recent);
    final Path file = snapshotFile.get();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // One temporary file per process: a second instance (standing by for the route) may write
      // too.
      final Path temporary =
          file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.writeString(temporary, snapshot.encode(), StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the MMR snapshot " + file, e);
    }
  }
}
