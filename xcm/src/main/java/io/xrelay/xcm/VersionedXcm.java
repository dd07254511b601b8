package io.xrelay.xcm;

import io.xrelay.xcm.model.Bytes;
import io.xrelay.xcm.model.Xcm;
import io.xrelay.xcm.v2.V2Xcm;
import java.util.List;
import java.util.Optional;

/**
 * {@code VersionedXcm}: a program tagged with its version ({@code V2 = 2} .. {@code V5 = 5}). V3,
 * V4 and V5 share one model ({@link Current}); V2 is kept apart ({@link V2}).
 */
public sealed interface VersionedXcm {
  XcmVersion version();

  /** The top-level instruction names, as in the runtime metadata. */
  List<String> instructionNames();

  /** The {@code SetTopic} id ending the program, if any (V2 has no topics). */
  Optional<Bytes> topic();

  static VersionedXcm of(final XcmVersion version, final Xcm message) {
    return new Current(version, message);
  }

  /** A V3, V4 or V5 program. */
  record Current(XcmVersion version, Xcm message) implements VersionedXcm {
    public Current {
      if (version.isLegacy()) {
        throw new IllegalArgumentException("V2 programs use VersionedXcm.V2");
      }
    }

    @Override
    public List<String> instructionNames() {
      return message.instructionNames();
    }

    @Override
    public Optional<Bytes> topic() {
      return message.topic();
    }
  }

  /** A legacy V2 program. */
  record V2(V2Xcm message) implements VersionedXcm {
    @Override
    public XcmVersion version() {
      return XcmVersion.V2;
    }

    @Override
    public List<String> instructionNames() {
      return message.instructionNames();
    }

    @Override
    public Optional<Bytes> topic() {
      return Optional.empty();
    }
  }
}
