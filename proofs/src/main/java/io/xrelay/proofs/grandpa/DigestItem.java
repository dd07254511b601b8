package io.xrelay.proofs.grandpa;

import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An item of a Substrate header's digest: {@code 6 = PreRuntime(engine, data)}, {@code 4 =
 * Consensus(engine, data)}, {@code 5 = Seal(engine, data)}, {@code 0 = Other(data)}, {@code 8 =
 * RuntimeEnvironmentUpdated}.
 */
public sealed interface DigestItem {
  String TYPE = "DigestItem";

  /** An item tagged by a consensus engine id such as {@code FRNK}, {@code BABE} or {@code BEEF}. */
  sealed interface EngineItem extends DigestItem {
    String engine();

    byte[] data();
  }

  record PreRuntime(String engine, byte[] data) implements EngineItem {
    public PreRuntime {
      data = data.clone();
    }
  }

  record Consensus(String engine, byte[] data) implements EngineItem {
    public Consensus {
      data = data.clone();
    }

    @Override
    public boolean equals(final Object other) {
      return other instanceof Consensus that
          && engine.equals(that.engine)
          && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
      return engine.hashCode() * 31 + Arrays.hashCode(data);
    }
  }

  record Seal(String engine, byte[] data) implements EngineItem {
    public Seal {
      data = data.clone();
    }
  }

  record Other(byte[] data) implements DigestItem {
    public Other {
      data = data.clone();
    }
  }

  record RuntimeEnvironmentUpdated() implements DigestItem {}

  static DigestItem decode(final ScaleReader reader) {
    final int at = reader.position();
    final int variant = reader.readVariantIndex(TYPE);
    return switch (variant) {
      case 0 -> new Other(reader.readByteVec());
      case 4 -> new Consensus(engine(reader), reader.readByteVec());
      case 5 -> new Seal(engine(reader), reader.readByteVec());
      case 6 -> new PreRuntime(engine(reader), reader.readByteVec());
      case 8 -> new RuntimeEnvironmentUpdated();
      default -> throw reader.errorAt(at, TYPE, "unknown variant " + variant);
    };
  }

  static void encode(final ScaleWriter writer, final DigestItem item) {
    if (item instanceof Other other) {
      writer.writeU8(0).writeByteVec(other.data());
    } else if (item instanceof Consensus c) {
      writer.writeU8(4).writeBytes(engineBytes(c.engine())).writeByteVec(c.data());
    } else if (item instanceof Seal s) {
      writer.writeU8(5).writeBytes(engineBytes(s.engine())).writeByteVec(s.data());
    } else if (item instanceof PreRuntime p) {
      writer.writeU8(6).writeBytes(engineBytes(p.engine())).writeByteVec(p.data());
    } else {
      writer.writeU8(8);
    }
  }

  private static String engine(final ScaleReader reader) {
    return new String(reader.readBytes(4), StandardCharsets.ISO_8859_1);
  }

  private static byte[] engineBytes(final String engine) {
    final byte[] bytes = engine.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != 4) {
      throw new IllegalArgumentException("an engine id is 4 bytes: " + engine);
    }
    return bytes;
  }
}
