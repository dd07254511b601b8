package io.xrelay.xcm.codec;

/**
 * The decode limits of polkadot-sdk's {@code xcm} crate, which every runtime applies to incoming
 * messages; a message beyond them is dropped, so the codec refuses it too.
 */
public final class XcmLimits {
  /**
   * {@code MAX_XCM_DECODE_DEPTH}: the depth limit passed to {@code decode_with_depth_limit}. SCALE
   * counts one level for every vector of non-primitive items ({@code Xcm}, {@code Assets}, bounded
   * vectors) and every {@code Arc} (the junction arrays of v4 and v5), not for plain enums.
   */
  public static final int MAX_DECODE_DEPTH = 8;

  /**
   * {@code MAX_INSTRUCTIONS_TO_DECODE}: the declared lengths of a program and of all programs
   * nested in it may add up to at most this.
   */
  public static final int MAX_INSTRUCTIONS = 100;

  private XcmLimits() {}
}
