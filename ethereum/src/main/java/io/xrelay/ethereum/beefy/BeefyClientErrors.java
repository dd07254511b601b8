package io.xrelay.ethereum.beefy;

import io.xrelay.ethereum.revert.CustomErrorType;
import io.xrelay.ethereum.revert.RevertDecoder;
import java.util.List;

/**
 * The custom errors in BeefyClient's ABI ({@code @snowbridge/contracts} 0.3.2), including those of
 * OpenZeppelin's ECDSA it can raise. BeefyClientIT checks this list against the compiled ABI.
 */
public final class BeefyClientErrors {
  public static final List<CustomErrorType> ALL =
      List.of(
          CustomErrorType.of("CommitmentNotRelevant"),
          CustomErrorType.of("ECDSAInvalidSignature"),
          CustomErrorType.of("ECDSAInvalidSignatureLength", "uint256"),
          CustomErrorType.of("ECDSAInvalidSignatureS", "bytes32"),
          CustomErrorType.of("IndexOutOfBounds"),
          CustomErrorType.of("InvalidBitfield"),
          CustomErrorType.of("InvalidBitfieldLength"),
          CustomErrorType.of("InvalidBitfieldPadding"),
          CustomErrorType.of("InvalidCommitment"),
          CustomErrorType.of("InvalidMMRLeaf"),
          CustomErrorType.of("InvalidMMRLeafProof"),
          CustomErrorType.of("InvalidMMRRootLength"),
          CustomErrorType.of("InvalidSamplingParams"),
          CustomErrorType.of("InvalidSignature"),
          CustomErrorType.of("InvalidTicket"),
          CustomErrorType.of("InvalidValidatorProof"),
          CustomErrorType.of("InvalidValidatorProofLength"),
          CustomErrorType.of("PrevRandaoAlreadyCaptured"),
          CustomErrorType.of("PrevRandaoNotCaptured"),
          CustomErrorType.of("ProofSizeExceeded"),
          CustomErrorType.of("StaleCommitment"),
          CustomErrorType.of("UnsupportedCompactEncoding"),
          CustomErrorType.of("WaitPeriodNotOver"));

  /** Decodes BeefyClient's reverts, plus {@code Error(string)} and {@code Panic(uint256)}. */
  public static final RevertDecoder DECODER = RevertDecoder.of(ALL);

  private BeefyClientErrors() {}
}
