package io.xrelay.substrate.metadata;

import io.xrelay.scale.BitOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The portable type registry with every reference resolved: each type id that any type, field or
 * parameter names exists, bit sequences have a known order and store, and the smallest encoded size
 * of every type is known (used to bound collection lengths before allocating).
 */
public final class TypeRegistry {
  private final List<PortableType> types;
  private final int[] minEncodedSize;
  private final BitOrder[] bitOrders;
  private final int[] bitStoreWidths;

  /**
   * @throws InvalidRegistryException when ids are not dense from 0 or a reference names a missing
   *     type
   */
  public TypeRegistry(final List<PortableType> types) {
    this.types = Collections.unmodifiableList(types);
    final int count = types.size();
    for (int i = 0; i < count; i++) {
      if (types.get(i).id() != i) {
        throw new InvalidRegistryException(
            i, "has id " + types.get(i).id() + "; ids must be 0.." + (count - 1) + " in order");
      }
    }
    this.bitOrders = new BitOrder[count];
    this.bitStoreWidths = new int[count];
    for (int i = 0; i < count; i++) {
      checkReferences(types.get(i));
    }
    this.minEncodedSize = computeMinEncodedSizes();
  }

  public int size() {
    return types.size();
  }

  public List<PortableType> types() {
    return types;
  }

  public boolean contains(final int id) {
    return id >= 0 && id < types.size();
  }

  /**
   * @throws IllegalArgumentException for an id outside the registry
   */
  public PortableType get(final int id) {
    if (!contains(id)) {
      throw new IllegalArgumentException(
          "type id " + id + " is not in the registry of " + types.size() + " types");
    }
    return types.get(id);
  }

  /** The fewest bytes a value of type {@code id} can encode to (recursive types count as 0). */
  public int minEncodedSize(final int id) {
    return minEncodedSize[id];
  }

  /** For a bit-sequence type: its bit order. */
  public BitOrder bitOrder(final int bitSequenceType) {
    return bitOrders[bitSequenceType];
  }

  /** For a bit-sequence type: its store word width in bits (8, 16, 32 or 64). */
  public int bitStoreWidth(final int bitSequenceType) {
    return bitStoreWidths[bitSequenceType];
  }

  /** The first type whose path joined with {@code ::} equals {@code pathName}. */
  public Optional<PortableType> findByPath(final String pathName) {
    for (final PortableType type : types) {
      if (!type.path().isEmpty() && type.pathName().equals(pathName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private void checkReferences(final PortableType type) {
    final int id = type.id();
    for (final TypeParameter param : type.params()) {
      if (param.hasType()) {
        requireType(id, param.type(), "parameter " + param.name());
      }
    }
    final TypeDef def = type.def();
    if (def instanceof TypeDef.Composite composite) {
      checkFields(id, composite.fields(), "field");
    } else if (def instanceof TypeDef.Variant variant) {
      for (final Variant v : variant.variants()) {
        checkFields(id, v.fields(), "variant " + v.name() + " field");
      }
    } else if (def instanceof TypeDef.Sequence sequence) {
      requireType(id, sequence.elementType(), "element");
    } else if (def instanceof TypeDef.Array array) {
      requireType(id, array.elementType(), "element");
    } else if (def instanceof TypeDef.Tuple tuple) {
      for (int i = 0; i < tuple.fieldTypes().size(); i++) {
        requireType(id, tuple.fieldTypes().get(i), "tuple field " + i);
      }
    } else if (def instanceof TypeDef.Compact compact) {
      requireType(id, compact.type(), "compact inner type");
    } else if (def instanceof TypeDef.BitSequence bits) {
      resolveBitSequence(id, bits);
    }
  }

  private void checkFields(final int id, final List<Field> fields, final String what) {
    for (int i = 0; i < fields.size(); i++) {
      final Field field = fields.get(i);
      requireType(
          id, field.type(), what + " " + (field.name() == null ? String.valueOf(i) : field.name()));
    }
  }

  private void requireType(final int owner, final int referenced, final String what) {
    if (!contains(referenced)) {
      throw new InvalidRegistryException(
          owner, what + " refers to type " + referenced + ", which does not exist");
    }
  }

  private void resolveBitSequence(final int id, final TypeDef.BitSequence bits) {
    requireType(id, bits.storeType(), "bit store type");
    requireType(id, bits.orderType(), "bit order type");
    final String order = types.get(bits.orderType()).simpleName();
    bitOrders[id] =
        switch (order) {
          case "Lsb0" -> BitOrder.LSB0;
          case "Msb0" -> BitOrder.MSB0;
          default ->
              throw new InvalidRegistryException(
                  id, "bit order type is '" + order + "', not Lsb0 or Msb0");
        };
    if (!(types.get(bits.storeType()).def() instanceof TypeDef.Primitive store)) {
      throw new InvalidRegistryException(id, "bit store type is not a primitive");
    }
    bitStoreWidths[id] =
        switch (store.primitive()) {
          case U8 -> 8;
          case U16 -> 16;
          case U32 -> 32;
          case U64 -> 64;
          default ->
              throw new InvalidRegistryException(
                  id, "bit store type is " + store.primitive() + ", not u8..u64");
        };
  }

  /**
   * Post-order walk with an explicit stack, so a deep or cyclic forged registry cannot overflow.
   */
  private int[] computeMinEncodedSizes() {
    final int count = types.size();
    final int[] sizes = new int[count];
    final byte[] state = new byte[count]; // 0 new, 1 in progress, 2 done
    final ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int root = 0; root < count; root++) {
      if (state[root] != 0) {
        continue;
      }
      stack.push(root);
      while (!stack.isEmpty()) {
        final int id = stack.peek();
        if (state[id] == 0) {
          state[id] = 1;
          for (final int child : children(types.get(id).def())) {
            if (state[child] == 0) {
              stack.push(child);
            }
          }
        } else {
          stack.pop();
          if (state[id] == 1) {
            sizes[id] = minSize(types.get(id).def(), sizes, state);
            state[id] = 2;
          }
        }
      }
    }
    return sizes;
  }

  private static int[] children(final TypeDef def) {
    if (def instanceof TypeDef.Composite composite) {
      return composite.fields().stream().mapToInt(Field::type).toArray();
    }
    if (def instanceof TypeDef.Variant variant) {
      return variant.variants().stream()
          .flatMap(v -> v.fields().stream())
          .mapToInt(Field::type)
          .toArray();
    }
    if (def instanceof TypeDef.Array array) {
      return new int[] {array.elementType()};
    }
    if (def instanceof TypeDef.Tuple tuple) {
      return tuple.fieldTypes().stream().mapToInt(Integer::intValue).toArray();
    }
    return new int[0];
  }

  /** Children still in progress are on a cycle; they count as 0, a safe lower bound. */
  private static int minSize(final TypeDef def, final int[] sizes, final byte[] state) {
    if (def instanceof TypeDef.Composite composite) {
      return sumFields(composite.fields(), sizes, state);
    }
    if (def instanceof TypeDef.Variant variant) {
      if (variant.variants().isEmpty()) {
        return 1;
      }
      long smallest = Long.MAX_VALUE;
      for (final Variant v : variant.variants()) {
        smallest = Math.min(smallest, 1L + sumFields(v.fields(), sizes, state));
      }
      return (int) Math.min(smallest, Integer.MAX_VALUE);
    }
    if (def instanceof TypeDef.Array array) {
      final int element = state[array.elementType()] == 2 ? sizes[array.elementType()] : 0;
      return (int) Math.min((long) element * array.length(), Integer.MAX_VALUE);
    }
    if (def instanceof TypeDef.Tuple tuple) {
      long sum = 0;
      for (final int field : tuple.fieldTypes()) {
        sum += state[field] == 2 ? sizes[field] : 0;
      }
      return (int) Math.min(sum, Integer.MAX_VALUE);
    }
    if (def instanceof TypeDef.Primitive primitive) {
      return Math.max(primitive.primitive().byteWidth(), 1);
    }
    // Sequence, Compact and BitSequence all start with a compact length of at least one byte.
    return 1;
  }

  private static int sumFields(final List<Field> fields, final int[] sizes, final byte[] state) {
    long sum = 0;
    for (final Field field : fields) {
      sum += state[field.type()] == 2 ? sizes[field.type()] : 0;
    }
    return (int) Math.min(sum, Integer.MAX_VALUE);
  }

  @Override
  public String toString() {
    return "TypeRegistry["
        + types.size()
        + " types, min sizes "
        + Arrays.stream(minEncodedSize).sum()
        + "]";
  }
}
