package io.xrelay.ethereum.beefy;

import io.vertx.core.Future;
import io.xrelay.crypto.Keccak256;
import io.xrelay.ethereum.rpc.BlockTag;
import io.xrelay.ethereum.rpc.CallRequest;
import io.xrelay.ethereum.rpc.EthereumRpc;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyPayloadItem;
import io.xrelay.proofs.calldata.ValidatorProof;
import io.xrelay.proofs.mmr.MmrLeaf;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes2;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/**
 * Bindings of Snowbridge's BeefyClient at one address: typed reads through {@code eth_call} and the
 * calldata of its transactions (sent by a {@code TransactionSender}). Types come from {@code
 * proofs}, so what the relayer verified locally is exactly what it encodes.
 */
public final class BeefyClient {
  static final String COMMITMENT = "(uint32,uint64,(bytes2,bytes)[])";
  static final String VALIDATOR_PROOF = "(uint8,bytes32,bytes32,uint256,address,bytes32[])";
  static final String MMR_LEAF = "(uint8,uint32,bytes32,uint64,uint32,bytes32,bytes32)";

  private final EthereumRpc rpc;
  private final String address;

  public BeefyClient(final EthereumRpc rpc, final String address) {
    this.rpc = rpc;
    this.address = address;
  }

  public String address() {
    return address;
  }

  /** The constructor's arguments. */
  public record DeploymentParameters(
      BigInteger randaoCommitDelay,
      BigInteger randaoCommitExpiration,
      BigInteger minNumRequiredSignatures,
      BigInteger fiatShamirRequiredSignatures,
      long initialBeefyBlock,
      ValidatorSetState initialSet,
      ValidatorSetState nextSet) {}

  /** Creation code followed by the ABI-encoded constructor arguments. */
  public static byte[] deploymentData(
      final byte[] creationCode, final DeploymentParameters parameters) {
    final List<Type> arguments =
        List.of(
            new Uint256(parameters.randaoCommitDelay()),
            new Uint256(parameters.randaoCommitExpiration()),
            new Uint256(parameters.minNumRequiredSignatures()),
            new Uint256(parameters.fiatShamirRequiredSignatures()),
            new Uint64(parameters.initialBeefyBlock()),
            validatorSet(parameters.initialSet()),
            validatorSet(parameters.nextSet()));
    return concat(
        creationCode, Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(arguments)));
  }

  // ---- reads ----

  public Future<Long> latestBeefyBlock(final BlockTag tag) {
    return read("latestBeefyBlock()", tag).map(r -> word(r, 0).longValueExact());
  }

  public Future<H256> latestMmrRoot(final BlockTag tag) {
    return read("latestMMRRoot()", tag).map(r -> H256.wrap(Arrays.copyOf(r, 32)));
  }

  public Future<ValidatorSetState> currentValidatorSet(final BlockTag tag) {
    return read("currentValidatorSet()", tag).map(BeefyClient::validatorSetState);
  }

  public Future<ValidatorSetState> nextValidatorSet(final BlockTag tag) {
    return read("nextValidatorSet()", tag).map(BeefyClient::validatorSetState);
  }

  public Future<Long> randaoCommitDelay() {
    return read("randaoCommitDelay()", BlockTag.LATEST).map(r -> word(r, 0).longValueExact());
  }

  public Future<Long> randaoCommitExpiration() {
    return read("randaoCommitExpiration()", BlockTag.LATEST).map(r -> word(r, 0).longValueExact());
  }

  /**
   * A sender's ticket of the interactive protocol for one commitment ({@code submitInitial} made
   * it; {@code commitPrevRandao} filled in the randomness). {@code blockNumber} 0 means none.
   */
  public record Ticket(
      long blockNumber,
      long validatorSetLength,
      long requiredSignatures,
      BigInteger prevRandao,
      H256 bitfieldHash) {
    public boolean exists() {
      return blockNumber != 0;
    }

    public boolean hasPrevRandao() {
      return prevRandao.signum() != 0;
    }
  }

  /** {@code keccak256(abi.encode(sender, commitmentHash))}: the key of a sender's ticket. */
  public static H256 ticketId(final String sender, final H256 commitmentHash) {
    final byte[] encoded = new byte[64];
    final byte[] address = Numeric.hexStringToByteArray(sender);
    System.arraycopy(address, 0, encoded, 32 - address.length, address.length);
    System.arraycopy(commitmentHash.bytes(), 0, encoded, 32, 32);
    return H256.wrap(Keccak256.hash(encoded));
  }

  public Future<Ticket> ticket(final String sender, final H256 commitmentHash, final BlockTag tag) {
    return call(
            encode("tickets(bytes32)", new Bytes32(ticketId(sender, commitmentHash).bytes())), tag)
        .map(
            r ->
                new Ticket(
                    word(r, 0).longValueExact(),
                    word(r, 1).longValueExact(),
                    word(r, 2).longValueExact(),
                    word(r, 3),
                    H256.wrap(Arrays.copyOfRange(r, 128, 160))));
  }

  /**
   * The bitfield of {@code signerIndices} in a set of {@code setLength}, as the contract builds it.
   */
  public Future<List<BigInteger>> createInitialBitfield(
      final List<Integer> signerIndices, final int setLength) {
    final List<Uint256> bits = new ArrayList<>();
    signerIndices.forEach(i -> bits.add(new Uint256(i)));
    final byte[] data =
        encode(
            "createInitialBitfield(uint256[],uint256)",
            new DynamicArray<>(Uint256.class, bits),
            new Uint256(setLength));
    return call(data, BlockTag.LATEST).map(BeefyClient::uintArray);
  }

  /**
   * The signers {@code relayer} must prove in {@code submitFinal}, drawn from the ticket's
   * prevrandao (tickets are per sender, hence the {@code from}).
   */
  public Future<List<BigInteger>> createFinalBitfield(
      final String relayer, final H256 commitmentHash, final List<BigInteger> bitfield) {
    final byte[] data =
        encode(
            "createFinalBitfield(bytes32,uint256[])",
            new Bytes32(commitmentHash.bytes()),
            uint256Array(bitfield));
    return rpc.call(CallRequest.of(address, data).from(relayer), BlockTag.LATEST)
        .map(BeefyClient::uintArray);
  }

  public Future<List<BigInteger>> createFiatShamirFinalBitfield(
      final BeefyCommitment commitment, final List<BigInteger> bitfield) {
    final byte[] data =
        encode(
            "createFiatShamirFinalBitfield(" + COMMITMENT + ",uint256[])",
            commitment(commitment),
            uint256Array(bitfield));
    return call(data, BlockTag.LATEST).map(BeefyClient::uintArray);
  }

  // ---- calldata of transactions ----

  public static byte[] submitInitial(
      final BeefyCommitment commitment,
      final List<BigInteger> bitfield,
      final ValidatorProof proof) {
    return encode(
        "submitInitial(" + COMMITMENT + ",uint256[]," + VALIDATOR_PROOF + ")",
        commitment(commitment),
        uint256Array(bitfield),
        validatorProof(proof));
  }

  public static byte[] commitPrevRandao(final H256 commitmentHash) {
    return encode("commitPrevRandao(bytes32)", new Bytes32(commitmentHash.bytes()));
  }

  /**
   * {@code submitFinal}: the sampled signers' proofs, and at a validator-set handover the MMR leaf
   * of the commitment block with its simplified proof (ignored by the contract otherwise).
   */
  public static byte[] submitFinal(final FinalSubmission submission) {
    return encodeFinal("submitFinal", submission);
  }

  public static byte[] submitFiatShamir(final FinalSubmission submission) {
    return encodeFinal("submitFiatShamir", submission);
  }

  /** The arguments {@code submitFinal} and {@code submitFiatShamir} share. */
  public record FinalSubmission(
      BeefyCommitment commitment,
      List<BigInteger> bitfield,
      List<ValidatorProof> proofs,
      MmrLeaf leaf,
      List<H256> leafProof,
      BigInteger leafProofOrder) {
    public FinalSubmission {
      bitfield = List.copyOf(bitfield);
      proofs = List.copyOf(proofs);
      leafProof = List.copyOf(leafProof);
    }
  }

  private static byte[] encodeFinal(final String name, final FinalSubmission submission) {
    final List<DynamicStruct> proofs = new ArrayList<>();
    submission.proofs().forEach(p -> proofs.add(validatorProof(p)));
    final List<Bytes32> leafProof = new ArrayList<>();
    submission.leafProof().forEach(h -> leafProof.add(new Bytes32(h.bytes())));
    return encode(
        name
            + "("
            + COMMITMENT
            + ",uint256[],"
            + VALIDATOR_PROOF
            + "[],"
            + MMR_LEAF
            + ",bytes32[],uint256)",
        commitment(submission.commitment()),
        uint256Array(submission.bitfield()),
        new DynamicArray<>(DynamicStruct.class, proofs),
        mmrLeaf(submission.leaf()),
        new DynamicArray<>(Bytes32.class, leafProof),
        new Uint256(submission.leafProofOrder()));
  }

  // ---- ABI plumbing ----

  private Future<byte[]> read(final String signature, final BlockTag tag) {
    return call(selector(signature), tag);
  }

  private Future<byte[]> call(final byte[] data, final BlockTag tag) {
    return rpc.call(CallRequest.of(address, data), tag);
  }

  static byte[] selector(final String signature) {
    return Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  @SuppressWarnings("rawtypes")
  private static byte[] encode(final String signature, final Type... arguments) {
    return concat(
        selector(signature),
        Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(arguments))));
  }

  private static DynamicStruct commitment(final BeefyCommitment commitment) {
    final List<DynamicStruct> payload = new ArrayList<>();
    for (final BeefyPayloadItem item : commitment.payload()) {
      payload.add(
          new DynamicStruct(
              new Bytes2(new byte[] {(byte) (item.id() >> 8), (byte) item.id()}),
              new DynamicBytes(item.data())));
    }
    return new DynamicStruct(
        new Uint32(commitment.blockNumber()),
        new Uint64(commitment.validatorSetId()),
        new DynamicArray<>(DynamicStruct.class, payload));
  }

  private static DynamicStruct validatorProof(final ValidatorProof proof) {
    final List<Bytes32> siblings = new ArrayList<>();
    proof.proof().forEach(h -> siblings.add(new Bytes32(h.bytes())));
    return new DynamicStruct(
        new Uint8(proof.v()),
        new Bytes32(proof.r().bytes()),
        new Bytes32(proof.s().bytes()),
        new Uint256(proof.index()),
        new Address(proof.account().toHex()),
        new DynamicArray<>(Bytes32.class, siblings));
  }

  private static StaticStruct mmrLeaf(final MmrLeaf leaf) {
    return new StaticStruct(
        new Uint8(leaf.version()),
        new Uint32(leaf.parentNumber()),
        new Bytes32(leaf.parentHash().bytes()),
        new Uint64(leaf.nextAuthoritySetId()),
        new Uint32(leaf.nextAuthoritySetLength()),
        new Bytes32(leaf.nextAuthoritySetRoot().bytes()),
        new Bytes32(leaf.parachainHeadsRoot().bytes()));
  }

  private static StaticStruct validatorSet(final ValidatorSetState set) {
    return new StaticStruct(
        new Uint128(set.id()), new Uint128(set.length()), new Bytes32(set.root().bytes()));
  }

  private static DynamicArray<Uint256> uint256Array(final List<BigInteger> words) {
    final List<Uint256> values = new ArrayList<>();
    words.forEach(w -> values.add(new Uint256(w)));
    return new DynamicArray<>(Uint256.class, values);
  }

  /** {@code (uint128 id, uint128 length, bytes32 root, (uint256[], uint256) usageCounters)}. */
  private static ValidatorSetState validatorSetState(final byte[] reply) {
    return new ValidatorSetState(
        word(reply, 0), word(reply, 1), H256.wrap(Arrays.copyOfRange(reply, 64, 96)));
  }

  /** A returned {@code uint256[]}: head offset, then length, then the words. */
  private static List<BigInteger> uintArray(final byte[] reply) {
    final int offset = word(reply, 0).intValueExact();
    if (offset % 32 != 0) {
      throw new IllegalArgumentException("misaligned array offset " + offset);
    }
    final int length = word(reply, offset / 32).intValueExact();
    final List<BigInteger> words = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      words.add(word(reply, offset / 32 + 1 + i));
    }
    return words;
  }

  private static BigInteger word(final byte[] reply, final int index) {
    if (reply.length < (index + 1) * 32) {
      throw new IllegalArgumentException(
          "reply of " + reply.length + " bytes has no word " + index);
    }
    return new BigInteger(1, Arrays.copyOfRange(reply, index * 32, (index + 1) * 32));
  }

  private static byte[] concat(final byte[] first, final byte[] second) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
    out.writeBytes(first);
    out.writeBytes(second);
    return out.toByteArray();
  }
}
