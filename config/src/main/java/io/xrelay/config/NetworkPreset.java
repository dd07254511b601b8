package io.xrelay.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Known networks whose identity (kind, SS58 prefix, para id, chain id) and public endpoints a chain
 * takes with {@code preset: <name>}; anything the chain sets itself wins. The public endpoints are
 * well-known community RPC services, fine to start with, but an operator should run or rent nodes
 * of its own. {@code preset: devnet} gives the identity of the local devnet's chain of the same
 * name (kusama, asset-hub-kusama, ethereum) and no endpoints: the devnet picks its ports when it
 * starts.
 */
public enum NetworkPreset {
  KUSAMA(
      "kusama",
      ChainKind.SUBSTRATE,
      2,
      null,
      null,
      "wss://kusama-rpc.polkadot.io",
      "wss://rpc.ibp.network/kusama",
      "wss://kusama.dotters.network"),
  POLKADOT(
      "polkadot",
      ChainKind.SUBSTRATE,
      0,
      null,
      null,
      "wss://polkadot-rpc.polkadot.io",
      "wss://rpc.ibp.network/polkadot",
      "wss://polkadot.dotters.network"),
  ASSET_HUB_KUSAMA(
      "asset-hub-kusama",
      ChainKind.SUBSTRATE,
      2,
      1000L,
      null,
      "wss://kusama-asset-hub-rpc.polkadot.io",
      "wss://sys.ibp.network/asset-hub-kusama",
      "wss://asset-hub-kusama.dotters.network"),
  ASSET_HUB_POLKADOT(
      "asset-hub-polkadot",
      ChainKind.SUBSTRATE,
      0,
      1000L,
      null,
      "wss://polkadot-asset-hub-rpc.polkadot.io",
      "wss://sys.ibp.network/asset-hub-polkadot",
      "wss://asset-hub-polkadot.dotters.network"),
  BRIDGE_HUB_KUSAMA(
      "bridge-hub-kusama",
      ChainKind.SUBSTRATE,
      2,
      1002L,
      null,
      "wss://kusama-bridge-hub-rpc.polkadot.io",
      "wss://sys.ibp.network/bridgehub-kusama",
      "wss://bridge-hub-kusama.dotters.network"),
  BRIDGE_HUB_POLKADOT(
      "bridge-hub-polkadot",
      ChainKind.SUBSTRATE,
      0,
      1002L,
      null,
      "wss://polkadot-bridge-hub-rpc.polkadot.io",
      "wss://sys.ibp.network/bridgehub-polkadot",
      "wss://bridge-hub-polkadot.dotters.network"),
  ETHEREUM(
      "ethereum",
      ChainKind.ETHEREUM,
      null,
      null,
      1L,
      "https://ethereum-rpc.publicnode.com",
      "https://eth.drpc.org"),
  /** The devnet's relay chain: the real Kusama runtime under chopsticks. */
  DEVNET_KUSAMA("devnet", "kusama", ChainKind.SUBSTRATE, 2, null, null),
  /** The devnet's Asset Hub Kusama, para 1000 of the devnet relay chain. */
  DEVNET_ASSET_HUB_KUSAMA("devnet", "asset-hub-kusama", ChainKind.SUBSTRATE, 2, 1000L, null),
  /** The devnet's anvil: chain id 31337, anvil's default. */
  DEVNET_ETHEREUM("devnet", "ethereum", ChainKind.ETHEREUM, null, null, 31337L);

  /** The preset name that resolves by the chain's own name. */
  public static final String DEVNET = "devnet";

  private final String presetName;
  private final String devnetChain;
  private final ChainKind kind;
  private final Integer ss58Prefix;
  private final Long paraId;
  private final Long chainId;
  private final List<URI> endpoints;

  NetworkPreset(
      final String presetName,
      final ChainKind kind,
      final Integer ss58Prefix,
      final Long paraId,
      final Long chainId,
      final String... endpoints) {
    this(presetName, null, kind, ss58Prefix, paraId, chainId, endpoints);
  }

  NetworkPreset(
      final String presetName,
      final String devnetChain,
      final ChainKind kind,
      final Integer ss58Prefix,
      final Long paraId,
      final Long chainId,
      final String... endpoints) {
    this.presetName = presetName;
    this.devnetChain = devnetChain;
    this.kind = kind;
    this.ss58Prefix = ss58Prefix;
    this.paraId = paraId;
    this.chainId = chainId;
    this.endpoints = Arrays.stream(endpoints).map(URI::create).toList();
  }

  /**
   * The preset {@code name} means for a chain called {@code chainName}: a network name, or {@code
   * devnet} for the devnet chain of the same name.
   *
   * @throws IllegalArgumentException naming the presets that exist
   */
  public static NetworkPreset resolve(final String name, final String chainName) {
    if (DEVNET.equals(name)) {
      return Arrays.stream(values())
          .filter(preset -> chainName.equals(preset.devnetChain))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "the devnet preset knows the chains "
                          + devnetChainNames()
                          + ", not '"
                          + chainName
                          + "'"));
    }
    return Arrays.stream(values())
        .filter(preset -> preset.devnetChain == null && preset.presetName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + name + "' is not a preset (known: " + names() + ")"));
  }

  /** Every name {@code preset:} accepts. */
  public static String names() {
    return Arrays.stream(values())
        .map(NetworkPreset::presetName)
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static String devnetChainNames() {
    return Arrays.stream(values())
        .filter(preset -> preset.devnetChain != null)
        .map(preset -> preset.devnetChain)
        .collect(Collectors.joining(", "));
  }

  /** What {@code preset:} says: {@code kusama}, or {@code devnet} for every devnet chain. */
  public String presetName() {
    return presetName;
  }

  public ChainKind kind() {
    return kind;
  }

  public Optional<Integer> ss58Prefix() {
    return Optional.ofNullable(ss58Prefix);
  }

  public OptionalLong paraId() {
    return paraId == null ? OptionalLong.empty() : OptionalLong.of(paraId);
  }

  public OptionalLong chainId() {
    return chainId == null ? OptionalLong.empty() : OptionalLong.of(chainId);
  }

  /** Public endpoints; none for the devnet. */
  public List<URI> endpoints() {
    return endpoints;
  }

  @Override
  public String toString() {
    return devnetChain == null ? presetName : presetName + " (" + devnetChain + ")";
  }
}
