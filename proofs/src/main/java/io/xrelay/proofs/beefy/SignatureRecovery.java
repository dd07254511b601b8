package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.crypto.secp256k1.Secp256k1KeyRecovery;
import io.xrelay.crypto.secp256k1.Secp256k1PublicKey;
import io.xrelay.proofs.H256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Recovers the Ethereum addresses behind many signatures of one message. Signatures are
 * independent, so large batches are recovered in parallel on the common fork-join pool.
 */
public final class SignatureRecovery {
  /** Below this many signatures the fork-join hand-off costs more than it saves. */
  private static final int PARALLEL_THRESHOLD = 8;

  private final Secp256k1KeyRecovery recovery;

  public SignatureRecovery(final Secp256k1KeyRecovery recovery) {
    this.recovery = recovery;
  }

  /** Uses the process-wide backend ({@link Secp256k1#keyRecovery()}). */
  public static SignatureRecovery usingActiveBackend() {
    return new SignatureRecovery(Secp256k1.keyRecovery());
  }

  public Optional<EthereumAddress> recoverAddress(
      final H256 messageHash, final EcdsaSignature signature) {
    return recovery
        .recover(messageHash.bytes(), signature)
        .map(Secp256k1PublicKey::ethereumAddress);
  }

  /** One entry per signature, in order: the signer's address, or empty when none recovers. */
  public List<Optional<EthereumAddress>> recoverAddresses(
      final H256 messageHash, final List<EcdsaSignature> signatures) {
    final byte[] hash = messageHash.bytes();
    @SuppressWarnings("unchecked")
    final Optional<EthereumAddress>[] out = new Optional[signatures.size()];
    IntStream range = IntStream.range(0, signatures.size());
    if (signatures.size() >= PARALLEL_THRESHOLD) {
      range = range.parallel();
    }
    range.forEach(
        i ->
            out[i] =
                recovery.recover(hash, signatures.get(i)).map(Secp256k1PublicKey::ethereumAddress));
    return new ArrayList<>(Arrays.asList(out));
  }
}
