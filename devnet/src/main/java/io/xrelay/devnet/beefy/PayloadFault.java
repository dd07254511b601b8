package io.xrelay.devnet.beefy;

import io.xrelay.proofs.H256;

/**
 * The fault switch for tests ({@code devnet_beefyCorruptPayload}): while on, the validators sign a
 * payload whose {@code mh} is not the runtime's MMR root but that root with its first byte
 * inverted, as a faulty or malicious validator set would. Off by default.
 */
final class PayloadFault {
  private static final System.Logger LOG = System.getLogger(PayloadFault.class.getName());

  private boolean on;

  boolean isOn() {
    return on;
  }

  void set(final boolean corrupt) {
    if (corrupt != on) {
      LOG.log(
          System.Logger.Level.WARNING,
          corrupt
              ? "fault switch on: signing a wrong mh (the MMR root with its first byte inverted)"
              : "fault switch off: signing the runtime's MMR root again");
    }
    on = corrupt;
  }

  /** The {@code mh} to sign for the runtime's {@code root}. */
  H256 payloadFor(final H256 root) {
    if (!on) {
      return root;
    }
    final byte[] bytes = root.bytes();
    bytes[0] = (byte) ~bytes[0];
    return H256.wrap(bytes);
  }
}
