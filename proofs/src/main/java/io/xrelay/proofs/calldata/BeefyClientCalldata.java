package io.xrelay.proofs.calldata;

import static io.xrelay.proofs.calldata.AbiLayout.BYTES;
import static io.xrelay.proofs.calldata.AbiLayout.WORD_TYPE;
import static io.xrelay.proofs.calldata.AbiLayout.array;
import static io.xrelay.proofs.calldata.AbiLayout.tuple;

import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.MalformedProofException;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyPayloadItem;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import io.xrelay.scale.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Decodes the calldata of BeefyClient's {@code submitInitial}, {@code submitFinal} and {@code
 * submitFiatShamir} with web3j's ABI decoder, after checking every offset and length against the
 * input so that a forged one fails fast instead of allocating.
 */
public final class BeefyClientCalldata {
  /** Far above any real submission (111 signatures of Fiat-Shamir are about 64 KB). */
  public static final int MAX_CALLDATA_BYTES = 4 << 20;

  private static final AbiLayout COMMITMENT =
      tuple(WORD_TYPE, WORD_TYPE, array(tuple(WORD_TYPE, BYTES)));
  private static final AbiLayout VALIDATOR_PROOF =
      tuple(WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE, array(WORD_TYPE));
  private static final AbiLayout MMR_LEAF =
      tuple(WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE, WORD_TYPE);
  private static final AbiLayout SUBMIT_INITIAL =
      tuple(COMMITMENT, array(WORD_TYPE), VALIDATOR_PROOF);
  private static final AbiLayout SUBMIT_FINAL =
      tuple(
          COMMITMENT,
          array(WORD_TYPE),
          array(VALIDATOR_PROOF),
          MMR_LEAF,
          array(WORD_TYPE),
          WORD_TYPE);

  private static final TypeReference<BeefyClientAbi.Commitment> COMMITMENT_TYPE =
      new TypeReference<>() {};
  private static final TypeReference<DynamicArray<Uint256>> WORDS_TYPE = new TypeReference<>() {};
  private static final TypeReference<BeefyClientAbi.ValidatorProof> PROOF_TYPE =
      new TypeReference<>() {};
  private static final TypeReference<DynamicArray<BeefyClientAbi.ValidatorProof>> PROOFS_TYPE =
      new TypeReference<>() {};
  private static final TypeReference<BeefyClientAbi.MmrLeaf> LEAF_TYPE = new TypeReference<>() {};
  private static final TypeReference<DynamicArray<Bytes32>> HASHES_TYPE = new TypeReference<>() {};

  private BeefyClientCalldata() {}

  /** Decodes 0x-hex calldata (surrounding white space is ignored). */
  public static BeefyClientCall decodeHex(final String hex) {
    final byte[] calldata;
    try {
      calldata = Hex.decode(hex.strip());
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException("calldata is not hex: " + e.getMessage(), e);
    }
    return decode(calldata);
  }

  /**
   * @throws MalformedProofException when the selector is not one of the three functions or the
   *     arguments are not a valid encoding of its parameters
   */
  public static BeefyClientCall decode(final byte[] calldata) {
    if (calldata.length > MAX_CALLDATA_BYTES) {
      throw new MalformedProofException(
          "calldata of " + calldata.length + " bytes exceeds " + MAX_CALLDATA_BYTES);
    }
    final BeefyClientFunction function =
        BeefyClientFunction.bySelector(calldata)
            .orElseThrow(
                () ->
                    new MalformedProofException(
                        "selector "
                            + (calldata.length < 4
                                ? "missing (" + calldata.length + " bytes)"
                                : Hex.encode(calldata, 0, 4))
                            + " is not submitInitial, submitFinal or submitFiatShamir"));
    final byte[] arguments = Arrays.copyOfRange(calldata, 4, calldata.length);
    AbiLayout.check(
        arguments, function == BeefyClientFunction.SUBMIT_INITIAL ? SUBMIT_INITIAL : SUBMIT_FINAL);
    final String input = Hex.encode(arguments).substring(2);
    try {
      return function == BeefyClientFunction.SUBMIT_INITIAL
          ? decodeSubmitInitial(input)
          : decodeSubmitFinal(function, input);
    } catch (MalformedProofException e) {
      throw e;
    } catch (RuntimeException | ClassNotFoundException e) {
      // web3j signals bad values (a uint8 above 255, an address with high bits) with assorted
      // runtime exceptions; they all mean the same thing here.
      throw new MalformedProofException(
          function.solidityName() + " arguments do not decode: " + e.getMessage(), e);
    }
  }

  private static BeefyClientCall decodeSubmitInitial(final String input)
      throws ClassNotFoundException {
    final BeefyClientAbi.Commitment commitment =
        TypeDecoder.decodeDynamicStruct(input, pointer(input, 0), COMMITMENT_TYPE);
    final DynamicArray<Uint256> bitfield =
        TypeDecoder.decodeDynamicArray(input, pointer(input, 1), WORDS_TYPE);
    final BeefyClientAbi.ValidatorProof proof =
        TypeDecoder.decodeDynamicStruct(input, pointer(input, 2), PROOF_TYPE);
    return new BeefyClientCall.SubmitInitial(
        commitment(commitment), words(bitfield), validatorProof(proof));
  }

  private static BeefyClientCall decodeSubmitFinal(
      final BeefyClientFunction function, final String input) throws ClassNotFoundException {
    final BeefyClientAbi.Commitment commitment =
        TypeDecoder.decodeDynamicStruct(input, pointer(input, 0), COMMITMENT_TYPE);
    final DynamicArray<Uint256> bitfield =
        TypeDecoder.decodeDynamicArray(input, pointer(input, 1), WORDS_TYPE);
    final DynamicArray<BeefyClientAbi.ValidatorProof> proofs =
        TypeDecoder.decodeDynamicArray(input, pointer(input, 2), PROOFS_TYPE);
    // The leaf is a static struct of 7 words, inline in the head after three pointers.
    final BeefyClientAbi.MmrLeaf leaf = TypeDecoder.decodeStaticStruct(input, 3 * 64, LEAF_TYPE);
    final DynamicArray<Bytes32> leafProof =
        TypeDecoder.decodeDynamicArray(input, pointer(input, 10), HASHES_TYPE);
    final Uint256 leafProofOrder = TypeDecoder.decode(input, 11 * 64, Uint256.class);

    final List<ValidatorProof> validatorProofs = new ArrayList<>(proofs.getValue().size());
    proofs.getValue().forEach(proof -> validatorProofs.add(validatorProof(proof)));
    return new BeefyClientCall.SubmitFinal(
        function,
        commitment(commitment),
        words(bitfield),
        validatorProofs,
        mmrLeaf(leaf),
        new SimplifiedMmrProof(hashes(leafProof.getValue()), leafProofOrder.getValue()));
  }

  /** Hex-string offset of the value a head word points to (offsets count bytes). */
  private static int pointer(final String input, final int headWord) {
    final int at = headWord * 64;
    return new BigInteger(input.substring(at, at + 64), 16).intValueExact() * 2;
  }

  private static BeefyCommitment commitment(final BeefyClientAbi.Commitment abi) {
    final List<BeefyPayloadItem> payload = new ArrayList<>(abi.payload.size());
    for (final BeefyClientAbi.PayloadItem item : abi.payload) {
      final byte[] id = item.payloadId.getValue();
      payload.add(new BeefyPayloadItem((id[0] & 0xff) << 8 | (id[1] & 0xff), item.data.getValue()));
    }
    return new BeefyCommitment(
        payload,
        abi.blockNumber.getValue().longValueExact(),
        abi.validatorSetId.getValue().longValue());
  }

  private static ValidatorProof validatorProof(final BeefyClientAbi.ValidatorProof abi) {
    return new ValidatorProof(
        abi.v.getValue().intValueExact(),
        H256.wrap(abi.r.getValue()),
        H256.wrap(abi.s.getValue()),
        abi.index.getValue(),
        EthereumAddress.fromHex(abi.account.getValue()),
        hashes(abi.proof));
  }

  private static MmrLeaf mmrLeaf(final BeefyClientAbi.MmrLeaf abi) {
    return new MmrLeaf(
        abi.version.getValue().intValueExact(),
        abi.parentNumber.getValue().longValueExact(),
        H256.wrap(abi.parentHash.getValue()),
        abi.nextAuthoritySetId.getValue().longValue(),
        abi.nextAuthoritySetLength.getValue().longValueExact(),
        H256.wrap(abi.nextAuthoritySetRoot.getValue()),
        H256.wrap(abi.parachainHeadsRoot.getValue()));
  }

  private static List<BigInteger> words(final DynamicArray<Uint256> array) {
    return array.getValue().stream().map(Uint256::getValue).toList();
  }

  private static List<H256> hashes(final List<Bytes32> values) {
    return values.stream().map(value -> H256.wrap(value.getValue())).toList();
  }
}
