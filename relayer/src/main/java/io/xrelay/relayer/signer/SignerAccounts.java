package io.xrelay.relayer.signer;

import io.xrelay.config.ChainConfig;
import io.xrelay.config.ConfigError;
import io.xrelay.config.RelayerConfig;
import io.xrelay.config.SecretSource;
import io.xrelay.config.SignerConfig;
import io.xrelay.config.SignerScheme;
import io.xrelay.config.SubstrateChainConfig;
import io.xrelay.crypto.secp256k1.Secp256k1Signer;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.keys.Ss58;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public account of every signer, derived by reading its key once: an SS58 address (with the
 * chain's prefix) for Substrate signers, an EIP-55 address for Ethereum signers. A key that cannot
 * be read or is not key material is an error at the signer's key path; no error repeats the key.
 */
public final class SignerAccounts {
  private static final Pattern ETHEREUM_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  /** The accounts of the signers whose keys are valid, and an error for each other signer. */
  public record Derivation(Map<String, String> accounts, List<ConfigError> errors) {
    public Derivation {
      accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
      errors = List.copyOf(errors);
    }
  }

  private SignerAccounts() {}

  public static Derivation derive(final RelayerConfig config) {
    final Map<String, String> accounts = new LinkedHashMap<>();
    final List<ConfigError> errors = new ArrayList<>();
    for (final SignerConfig signer : config.signers().values()) {
      final String path =
          "signers."
              + signer.name()
              + (signer.key().kind() == SecretSource.Kind.FILE ? ".key-file" : ".key-env");
      try {
        final String secret = signer.key().read().reveal();
        accounts.put(signer.name(), account(signer, secret, config.chains().get(signer.chain())));
      } catch (IllegalStateException e) {
        errors.add(new ConfigError(path, e.getMessage()));
      } catch (IllegalArgumentException e) {
        errors.add(
            new ConfigError(
                path,
                "the key in "
                    + signer.key().describe()
                    + " is not "
                    + expected(signer.scheme())
                    + " ("
                    + e.getMessage()
                    + ")"));
      }
    }
    return new Derivation(accounts, errors);
  }

  private static String account(
      final SignerConfig signer, final String secret, final ChainConfig chain) {
    if (signer.scheme() == SignerScheme.ETHEREUM) {
      if (!ETHEREUM_KEY.matcher(secret).matches()) {
        throw new IllegalArgumentException("64 hex digits, with or without 0x");
      }
      final byte[] key = Hex.decode(secret);
      return Secp256k1Signer.fromPrivateKey(key).publicKey().ethereumAddress().toChecksumHex();
    }
    final KeyScheme scheme =
        signer.scheme() == SignerScheme.ECDSA ? KeyScheme.ECDSA : KeyScheme.ED25519;
    final KeyPair key = KeyPair.fromUri(secret, scheme);
    final int prefix =
        chain instanceof SubstrateChainConfig substrate
            ? substrate.ss58Prefix()
            : SubstrateChainConfig.DEFAULT_SS58_PREFIX;
    return Ss58.encode(key.accountId(), prefix);
  }

  private static String expected(final SignerScheme scheme) {
    return scheme == SignerScheme.ETHEREUM
        ? "an Ethereum private key"
        : "a secret URI for " + scheme.configName();
  }
}
