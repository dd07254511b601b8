package io.xrelay.proofs.calldata;

import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes2;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.reflection.Parameterized;

/**
 * web3j bindings of BeefyClient's calldata structs. web3j decodes a struct by calling the
 * constructor whose parameters are the struct's fields, so the classes must be public.
 */
final class BeefyClientAbi {
  static final String COMMITMENT = "(uint32,uint64,(bytes2,bytes)[])";
  static final String VALIDATOR_PROOF = "(uint8,bytes32,bytes32,uint256,address,bytes32[])";
  static final String MMR_LEAF = "(uint8,uint32,bytes32,uint64,uint32,bytes32,bytes32)";

  static final String SUBMIT_INITIAL =
      "submitInitial(" + COMMITMENT + ",uint256[]," + VALIDATOR_PROOF + ")";
  static final String SUBMIT_FINAL =
      "submitFinal("
          + COMMITMENT
          + ",uint256[],"
          + VALIDATOR_PROOF
          + "[],"
          + MMR_LEAF
          + ",bytes32[],uint256)";
  static final String SUBMIT_FIAT_SHAMIR = SUBMIT_FINAL.replace("submitFinal", "submitFiatShamir");

  private BeefyClientAbi() {}

  /** {@code PayloadItem { bytes2 payloadID; bytes data; }}. */
  public static final class PayloadItem extends DynamicStruct {
    final Bytes2 payloadId;
    final DynamicBytes data;

    public PayloadItem(final Bytes2 payloadId, final DynamicBytes data) {
      super(payloadId, data);
      this.payloadId = payloadId;
      this.data = data;
    }
  }

  /** {@code Commitment { uint32 blockNumber; uint64 validatorSetID; PayloadItem[] payload; }}. */
  public static final class Commitment extends DynamicStruct {
    final Uint32 blockNumber;
    final Uint64 validatorSetId;
    final List<PayloadItem> payload;

    public Commitment(
        final Uint32 blockNumber,
        final Uint64 validatorSetId,
        @Parameterized(type = PayloadItem.class) final DynamicArray<PayloadItem> payload) {
      super(blockNumber, validatorSetId, payload);
      this.blockNumber = blockNumber;
      this.validatorSetId = validatorSetId;
      this.payload = payload.getValue();
    }
  }

  /**
   * {@code ValidatorProof { uint8 v; bytes32 r; bytes32 s; uint256 index; address account;
   * bytes32[] proof; }}.
   */
  public static final class ValidatorProof extends DynamicStruct {
    final Uint8 v;
    final Bytes32 r;
    final Bytes32 s;
    final Uint256 index;
    final Address account;
    final List<Bytes32> proof;

    public ValidatorProof(
        final Uint8 v,
        final Bytes32 r,
        final Bytes32 s,
        final Uint256 index,
        final Address account,
        @Parameterized(type = Bytes32.class) final DynamicArray<Bytes32> proof) {
      super(v, r, s, index, account, proof);
      this.v = v;
      this.r = r;
      this.s = s;
      this.index = index;
      this.account = account;
      this.proof = proof.getValue();
    }
  }

  /**
   * {@code MMRLeaf { uint8 version; uint32 parentNumber; bytes32 parentHash; uint64
   * nextAuthoritySetID; uint32 nextAuthoritySetLen; bytes32 nextAuthoritySetRoot; bytes32
   * parachainHeadsRoot; }}.
   */
  public static final class MmrLeaf extends StaticStruct {
    final Uint8 version;
    final Uint32 parentNumber;
    final Bytes32 parentHash;
    final Uint64 nextAuthoritySetId;
    final Uint32 nextAuthoritySetLength;
    final Bytes32 nextAuthoritySetRoot;
    final Bytes32 parachainHeadsRoot;

    public MmrLeaf(
        final Uint8 version,
        final Uint32 parentNumber,
        final Bytes32 parentHash,
        final Uint64 nextAuthoritySetId,
        final Uint32 nextAuthoritySetLength,
        final Bytes32 nextAuthoritySetRoot,
        final Bytes32 parachainHeadsRoot) {
      super(
          version,
          parentNumber,
          parentHash,
          nextAuthoritySetId,
          nextAuthoritySetLength,
          nextAuthoritySetRoot,
          parachainHeadsRoot);
      this.version = version;
      this.parentNumber = parentNumber;
      this.parentHash = parentHash;
      this.nextAuthoritySetId = nextAuthoritySetId;
      this.nextAuthoritySetLength = nextAuthoritySetLength;
      this.nextAuthoritySetRoot = nextAuthoritySetRoot;
      this.parachainHeadsRoot = parachainHeadsRoot;
    }
  }
}
