package io.xrelay.xcm;

/**
 * A model that cannot be written as asked: a value the target version cannot express (see {@link
 * XcmConversionException}), or one the runtimes would refuse to decode (unsorted assets, too many
 * instructions, nesting too deep).
 */
public class XcmEncodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public XcmEncodeException(final String message) {
    super(message);
  }
}
