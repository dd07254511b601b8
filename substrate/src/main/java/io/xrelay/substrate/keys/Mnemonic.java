package io.xrelay.substrate.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.web3j.crypto.MnemonicUtils;

/**
 * Substrate's phrase-to-secret rule, which differs from BIP39's seed: PBKDF2-HMAC-SHA512 runs over
 * the phrase's entropy (not its words), salt {@code "mnemonic" ++ password}, 2048 rounds, and the
 * first 32 bytes are the mini secret.
 */
final class Mnemonic {
  private Mnemonic() {}

  static byte[] miniSecret(final String phrase, final String password) {
    final byte[] entropy;
    try {
      entropy = MnemonicUtils.generateEntropy(phrase.strip().replaceAll("\\s+", " "));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the secret phrase is not a valid BIP39 English mnemonic");
    }
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new IllegalArgumentException(
          "the secret phrase has " + entropy.length * 8 + " bits of entropy");
    }
    final PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    generator.init(entropy, ("mnemonic" + password).getBytes(StandardCharsets.UTF_8), 2048);
    final byte[] seed = ((KeyParameter) generator.generateDerivedParameters(512)).getKey();
    return Arrays.copyOf(seed, 32);
  }
}
