package io.xrelay.ethereum.rpc;

/**
 * Which block a read is made at. {@code finalized} and {@code safe} come from the consensus layer:
 * what the relayer treats as settled must be read at {@link #FINALIZED}.
 */
public record BlockTag(String value) {
  public static final BlockTag LATEST = new BlockTag("latest");
  public static final BlockTag SAFE = new BlockTag("safe");
  public static final BlockTag FINALIZED = new BlockTag("finalized");
  public static final BlockTag PENDING = new BlockTag("pending");

  public BlockTag {
    if (!value.equals("latest")
        && !value.equals("safe")
        && !value.equals("finalized")
        && !value.equals("pending")
        && !value.equals("earliest")
        && !value.startsWith("0x")) {
      throw new IllegalArgumentException("not a block tag or hex number: " + value);
    }
  }

  public static BlockTag number(final long number) {
    if (number < 0) {
      throw new IllegalArgumentException("block number must not be negative: " + number);
    }
    return new BlockTag(Quantity.format(number));
  }

  @Override
  public String toString() {
    return value;
  }
}
