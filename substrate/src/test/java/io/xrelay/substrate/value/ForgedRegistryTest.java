package io.xrelay.substrate.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.metadata.Field;
import io.xrelay.substrate.metadata.InvalidRegistryException;
import io.xrelay.substrate.metadata.PortableType;
import io.xrelay.substrate.metadata.PrimitiveType;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.metadata.TypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registries a hostile or broken node could serve: they must fail cleanly, never overflow. */
class ForgedRegistryTest {

  @Test
  void shouldRefuseAValueOfASelfNestedSequenceWithTheTypedError() {
    // type 0 = Vec<type 0>: every level takes one byte, so 300 bytes of 0x04 nest 300 deep.
    final TypeRegistry registry = new TypeRegistry(List.of(type(0, new TypeDef.Sequence(0))));
    final ValueCodec codec = new ValueCodec(registry);
    final ScaleWriter writer = new ScaleWriter();
    for (int i = 0; i < 300; i++) {
      writer.writeCompact(1);
    }
    writer.writeCompact(0);

    assertThat(codec.label(0)).startsWith("Vec<Vec<");
    assertThatThrownBy(() -> codec.decode(0, writer.toByteArray()))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("nesting deeper");
  }

  @Test
  void shouldBoundTheMinimumSizeOfAStructThatContainsItself() {
    // type 0 = struct { a: u32, b: type 0 }: can never be encoded; it must not loop or overflow.
    final TypeRegistry registry =
        new TypeRegistry(
            List.of(
                type(0, new TypeDef.Composite(List.of(field("a", 1), field("b", 0)))),
                type(1, new TypeDef.Primitive(PrimitiveType.U32))));
    assertThat(registry.minEncodedSize(0)).isEqualTo(4);
    assertThatThrownBy(() -> new ValueCodec(registry).decode(0, new byte[400]))
        .isInstanceOf(ScaleDecodeException.class);
  }

  @Test
  void shouldNameAReferenceToAMissingType() {
    assertThatThrownBy(() -> new TypeRegistry(List.of(type(0, new TypeDef.Sequence(7)))))
        .isInstanceOf(InvalidRegistryException.class)
        .hasMessage("type 0 element refers to type 7, which does not exist");
  }

  private static PortableType type(final int id, final TypeDef def) {
    return new PortableType(id, List.of(), List.of(), def, List.of());
  }

  private static Field field(final String name, final int type) {
    return new Field(name, type, null, List.of());
  }
}
