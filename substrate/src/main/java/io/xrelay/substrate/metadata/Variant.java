package io.xrelay.substrate.metadata;

import java.util.List;

/** One variant of an enum type: its name, fields and SCALE index. */
public record Variant(String name, List<Field> fields, int index, List<String> docs) {}
