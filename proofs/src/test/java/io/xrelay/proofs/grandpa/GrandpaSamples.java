package io.xrelay.proofs.grandpa;

import java.util.List;

/** A valid justification and its authority set from {@link GrandpaJustificationVerifierTest}. */
public final class GrandpaSamples {
  private GrandpaSamples() {}

  public static GrandpaJustification sample() {
    return GrandpaJustificationVerifierTest.justification(
        7,
        List.of(
            GrandpaJustificationVerifierTest.header(
                GrandpaJustificationVerifierTest.header(
                        GrandpaJustificationVerifierTest.header(io.xrelay.proofs.H256.ZERO, 100)
                            .hash(),
                        101)
                    .hash(),
                102),
            GrandpaJustificationVerifierTest.header(
                GrandpaJustificationVerifierTest.header(io.xrelay.proofs.H256.ZERO, 100).hash(),
                101)));
  }

  public static GrandpaAuthoritySet set() {
    return GrandpaJustificationVerifierTest.authoritySet(
        GrandpaJustificationVerifierTest.secrets(10), 6414);
  }
}
