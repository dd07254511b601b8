package io.xrelay.relayer.xcm.transfer;

import io.xrelay.substrate.value.Value;

/** A short readable form of a decoded runtime value, for error reasons and trapped assets. */
final class ValueText {
  private ValueText() {}

  static String of(final Value value) {
    final StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(final StringBuilder out, final Value value) {
    if (value instanceof Value.Variant variant) {
      out.append(variant.name());
      if (variant.fields().size() > 0) {
        appendComposite(out, variant.fields());
      }
    } else if (value instanceof Value.Composite composite) {
      appendComposite(out, composite);
    } else if (value instanceof Value.Sequence sequence) {
      out.append('[');
      for (int i = 0; i < sequence.items().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        append(out, sequence.items().get(i));
      }
      out.append(']');
    } else if (value instanceof Value.Bytes bytes) {
      out.append(bytes.hex());
    } else if (value instanceof Value.Int integer) {
      out.append(integer.value());
    } else if (value instanceof Value.Bool bool) {
      out.append(bool.value());
    } else if (value instanceof Value.Str str) {
      out.append('"').append(str.value()).append('"');
    } else {
      out.append(value);
    }
  }

  private static void appendComposite(final StringBuilder out, final Value.Composite composite) {
    if (composite.size() == 1 && !composite.isNamed()) {
      out.append('(');
      append(out, composite.get(0));
      out.append(')');
      return;
    }
    out.append(composite.isNamed() ? '{' : '(');
    for (int i = 0; i < composite.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      if (composite.isNamed()) {
        out.append(composite.names().get(i)).append(": ");
      }
      append(out, composite.get(i));
    }
    out.append(composite.isNamed() ? '}' : ')');
  }
}
