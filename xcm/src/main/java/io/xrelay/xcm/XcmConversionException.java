package io.xrelay.xcm;

/**
 * A value the target XCM version cannot express without losing something, e.g. {@code PayFees} in
 * V4, an abstract asset id in V5, or a V5 {@code Transact} without a weight in V3.
 */
public final class XcmConversionException extends XcmEncodeException {
  private static final long serialVersionUID = 1L;

  private final XcmVersion target;

  public XcmConversionException(final XcmVersion target, final String what) {
    super(target + " cannot express " + what);
    this.target = target;
  }

  public XcmVersion target() {
    return target;
  }
}
