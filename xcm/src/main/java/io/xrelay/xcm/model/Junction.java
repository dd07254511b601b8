package io.xrelay.xcm.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** {@code Junction} of v3, v4 and v5 (same indices and fields in all three). */
public sealed interface Junction {
  List<String> NAMES =
      List.of(
          "Parachain",
          "AccountId32",
          "AccountIndex64",
          "AccountKey20",
          "PalletInstance",
          "GeneralIndex",
          "GeneralKey",
          "OnlyChild",
          "Plurality",
          "GlobalConsensus");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  /** {@code Parachain(Compact<u32>)}. */
  record Parachain(long id) implements Junction {
    public Parachain {
      Unsigned.u32(id, "Parachain id");
    }

    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record AccountId32(Optional<NetworkId> network, Bytes id) implements Junction {
    public AccountId32 {
      id.requireLength(32, "AccountId32 id");
    }

    @Override
    public int variantIndex() {
      return 1;
    }
  }

  /** {@code index} is a {@code Compact<u64>} in a {@code long}'s bits. */
  record AccountIndex64(Optional<NetworkId> network, long index) implements Junction {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record AccountKey20(Optional<NetworkId> network, Bytes key) implements Junction {
    public AccountKey20 {
      key.requireLength(20, "AccountKey20 key");
    }

    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record PalletInstance(int instance) implements Junction {
    public PalletInstance {
      Unsigned.u8(instance, "PalletInstance");
    }

    @Override
    public int variantIndex() {
      return 4;
    }
  }

  /** {@code GeneralIndex(Compact<u128>)}. */
  record GeneralIndex(BigInteger value) implements Junction {
    public GeneralIndex {
      Unsigned.u128(value, "GeneralIndex");
    }

    @Override
    public int variantIndex() {
      return 5;
    }
  }

  /**
   * {@code GeneralKey { length: u8, data: [u8; 32] }}; only the first {@code length} bytes count.
   */
  record GeneralKey(int length, Bytes data) implements Junction {
    public GeneralKey {
      Unsigned.u8(length, "GeneralKey length");
      data.requireLength(32, "GeneralKey data");
    }

    @Override
    public int variantIndex() {
      return 6;
    }
  }

  record OnlyChild() implements Junction {
    @Override
    public int variantIndex() {
      return 7;
    }
  }

  record Plurality(BodyId id, BodyPart part) implements Junction {
    @Override
    public int variantIndex() {
      return 8;
    }
  }

  record GlobalConsensus(NetworkId network) implements Junction {
    @Override
    public int variantIndex() {
      return 9;
    }
  }
}
