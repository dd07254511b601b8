package io.xrelay.devnet.beefy;

import io.xrelay.proofs.H256;
import java.util.List;

/**
 * What the runtime says about BEEFY at one block: {@code Mmr.RootHash}, {@code
 * Beefy.ValidatorSetId} and {@code Beefy.Authorities} (33-byte compressed ECDSA keys).
 */
record BeefyRuntimeState(H256 mmrRoot, long validatorSetId, List<byte[]> authorities) {

  BeefyRuntimeState {
    authorities = authorities.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> authorities() {
    return authorities.stream().map(byte[]::clone).toList();
  }
}
