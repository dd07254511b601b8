package io.xrelay.relayer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.keys.Ss58;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Inspect signing keys.",
    subcommands = {KeyCommand.Inspect.class})
final class KeyCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description =
          "Print the public key, account id and SS58 address of a secret URI, as subkey inspect does.")
  static final class Inspect implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "<secret uri>",
        description = "//Alice, a phrase with a derivation path, or a 0x seed.")
    String uri;

    @Option(
        names = "--scheme",
        defaultValue = "ed25519",
        description = "ed25519 (default) or ecdsa.")
    String scheme;

    @Option(
        names = "--network",
        defaultValue = "substrate",
        description = "kusama, polkadot, substrate (default, prefix 42), or an SS58 prefix number.")
    String network;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      final KeyPair key;
      final int prefix;
      try {
        key = KeyPair.fromUri(uri, KeyScheme.parse(scheme));
        prefix = prefix(network);
      } catch (IllegalArgumentException e) {
        throw new InputException(e.getMessage());
      }
      final String ss58 = Ss58.encode(key.accountId(), prefix);
      final PrintWriter out = spec.commandLine().getOut();
      if (json) {
        final ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("scheme", key.scheme().lowerName());
        node.put("publicKey", Hex.encode(key.publicKey()));
        node.put("accountId", Hex.encode(key.accountId()));
        node.put("ss58", ss58);
        out.println(node);
      } else {
        out.printf("Scheme:      %s%n", key.scheme().lowerName());
        out.printf("Public key:  %s%n", Hex.encode(key.publicKey()));
        out.printf("Account ID:  %s%n", Hex.encode(key.accountId()));
        out.printf("SS58:        %s (prefix %d)%n", ss58, prefix);
      }
      out.flush();
      return 0;
    }

    static int prefix(final String network) {
      return switch (network.strip().toLowerCase(Locale.ROOT)) {
        case "polkadot" -> Ss58.POLKADOT;
        case "kusama" -> Ss58.KUSAMA;
        case "substrate" -> Ss58.GENERIC_SUBSTRATE;
        default -> {
          try {
            yield Integer.parseInt(network.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "unknown network '"
                    + network
                    + "' (kusama, polkadot, substrate or an SS58 prefix)");
          }
        }
      };
    }
  }
}
