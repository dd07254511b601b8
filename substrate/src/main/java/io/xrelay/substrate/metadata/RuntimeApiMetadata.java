package io.xrelay.substrate.metadata;

import java.util.List;

/**
 * A runtime API trait (V15+), e.g. {@code Core} or {@code DryRunApi}; {@code version} is -1 before
 * V16.
 */
public record RuntimeApiMetadata(
    String name, List<Method> methods, List<String> docs, long version, Deprecation deprecation) {

  public record Method(
      String name,
      List<PalletMetadata.Parameter> inputs,
      int outputType,
      List<String> docs,
      Deprecation deprecation) {}
}
