package io.xrelay.xcm.model;

import java.util.List;

/**
 * {@code NetworkId} of v3, v4 and v5. V5 dropped the test networks {@code Westend = 4}, {@code
 * Rococo = 5} and {@code Wococo = 6} (RFC 108); every other index is the same in all three.
 */
public sealed interface NetworkId {
  NetworkId POLKADOT = new Polkadot();
  NetworkId KUSAMA = new Kusama();
  NetworkId WESTEND = new Westend();
  NetworkId ROCOCO = new Rococo();
  NetworkId WOCOCO = new Wococo();
  NetworkId BITCOIN_CORE = new BitcoinCore();
  NetworkId BITCOIN_CASH = new BitcoinCash();
  NetworkId POLKADOT_BULLETIN = new PolkadotBulletin();

  /** Variant names by index, as in the runtime metadata. */
  List<String> NAMES =
      List.of(
          "ByGenesis",
          "ByFork",
          "Polkadot",
          "Kusama",
          "Westend",
          "Rococo",
          "Wococo",
          "Ethereum",
          "BitcoinCore",
          "BitcoinCash",
          "PolkadotBulletin");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  /** Whether V5 can express this network (it has no test-network variants). */
  default boolean existsInV5() {
    final int index = variantIndex();
    return index < 4 || index > 6;
  }

  record ByGenesis(Bytes genesisHash) implements NetworkId {
    public ByGenesis {
      genesisHash.requireLength(32, "ByGenesis hash");
    }

    @Override
    public int variantIndex() {
      return 0;
    }
  }

  /** {@code blockNumber} is an unsigned 64-bit number in a {@code long}'s bits. */
  record ByFork(long blockNumber, Bytes blockHash) implements NetworkId {
    public ByFork {
      blockHash.requireLength(32, "ByFork block_hash");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record Polkadot() implements NetworkId {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record Kusama() implements NetworkId {
    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record Westend() implements NetworkId {
    @Override
    public int variantIndex() {
      return 4;
    }
  }

  record Rococo() implements NetworkId {
    @Override
    public int variantIndex() {
      return 5;
    }
  }

  record Wococo() implements NetworkId {
    @Override
    public int variantIndex() {
      return 6;
    }
  }

  /** {@code chainId} is an unsigned 64-bit number in a {@code long}'s bits. */
  record Ethereum(long chainId) implements NetworkId {
    @Override
    public int variantIndex() {
      return 7;
    }
  }

  record BitcoinCore() implements NetworkId {
    @Override
    public int variantIndex() {
      return 8;
    }
  }

  record BitcoinCash() implements NetworkId {
    @Override
    public int variantIndex() {
      return 9;
    }
  }

  record PolkadotBulletin() implements NetworkId {
    @Override
    public int variantIndex() {
      return 10;
    }
  }
}
