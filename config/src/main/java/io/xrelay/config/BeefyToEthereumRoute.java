package io.xrelay.config;

import java.util.Objects;

/**
 * Relays BEEFY commitments of a Substrate chain to Snowbridge's BeefyClient at {@code contract} on
 * an Ethereum chain, signed by {@code signer}. {@code minInterval} is the least number of source
 * blocks between two updates; commitments that change the validator set are relayed regardless.
 */
public record BeefyToEthereumRoute(
    String name,
    String source,
    String target,
    String signer,
    boolean enabled,
    RetryPolicy retry,
    String contract,
    BeefyProtocol protocol,
    long minInterval)
    implements RouteConfig {
  public static final long DEFAULT_MIN_INTERVAL = 100;

  public BeefyToEthereumRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(protocol, "protocol");
  }

  @Override
  public RouteKind kind() {
    return RouteKind.BEEFY_TO_ETHEREUM;
  }
}
