package io.xrelay.substrate.metadata;

import java.util.List;

/**
 * A field of a struct or enum variant. {@code name} is null for tuple-like fields; {@code typeName}
 * is the Rust type as written in the source, when the runtime recorded it.
 */
public record Field(String name, int type, String typeName, List<String> docs) {}
