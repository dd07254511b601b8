package io.xrelay.substrate.metadata;

import java.util.List;

/** One entry of the portable type registry. */
public record PortableType(
    int id, List<String> path, List<TypeParameter> params, TypeDef def, List<String> docs) {

  /**
   * The Rust path joined with {@code ::}, e.g. {@code sp_core::crypto::AccountId32}; empty if none.
   */
  public String pathName() {
    return String.join("::", path);
  }

  /** The last path segment, e.g. {@code AccountId32}; empty if the type has no path. */
  public String simpleName() {
    return path.isEmpty() ? "" : path.get(path.size() - 1);
  }
}
