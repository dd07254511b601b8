package io.xrelay.xcm.v2;

import io.xrelay.xcm.model.BodyPart;
import io.xrelay.xcm.model.Bytes;
import java.math.BigInteger;
import java.util.List;

/**
 * V2 {@code Junction}: the network is mandatory, {@code GeneralKey} is a vector, no {@code
 * GlobalConsensus}.
 */
public sealed interface V2Junction {
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
          "Plurality");

  int variantIndex();

  default String variantName() {
    return NAMES.get(variantIndex());
  }

  record Parachain(long id) implements V2Junction {
    @Override
    public int variantIndex() {
      return 0;
    }
  }

  record AccountId32(V2NetworkId network, Bytes id) implements V2Junction {
    @Override
    public int variantIndex() {
      return 1;
    }
  }

  record AccountIndex64(V2NetworkId network, long index) implements V2Junction {
    @Override
    public int variantIndex() {
      return 2;
    }
  }

  record AccountKey20(V2NetworkId network, Bytes key) implements V2Junction {
    @Override
    public int variantIndex() {
      return 3;
    }
  }

  record PalletInstance(int instance) implements V2Junction {
    @Override
    public int variantIndex() {
      return 4;
    }
  }

  record GeneralIndex(BigInteger value) implements V2Junction {
    @Override
    public int variantIndex() {
      return 5;
    }
  }

  record GeneralKey(Bytes key) implements V2Junction {
    @Override
    public int variantIndex() {
      return 6;
    }
  }

  record OnlyChild() implements V2Junction {
    @Override
    public int variantIndex() {
      return 7;
    }
  }

  record Plurality(V2BodyId id, BodyPart part) implements V2Junction {
    @Override
    public int variantIndex() {
      return 8;
    }
  }
}
