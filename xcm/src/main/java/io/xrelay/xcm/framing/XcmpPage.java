package io.xrelay.xcm.framing;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An XCMP page as relayed in a candidate's {@code horizontal_messages}: one format byte, then
 * several messages. Each message is decoded with fresh limits, as the receiving queue does. For
 * {@link XcmpMessageFormat#CONCATENATED_ENCODED_BLOB} the blobs are kept raw; for {@link
 * XcmpMessageFormat#SIGNALS} the signal bytes are kept raw.
 */
public record XcmpPage(XcmpMessageFormat format, List<FramedXcm> messages, List<Bytes> blobs) {
  public XcmpPage {
    messages = List.copyOf(messages);
    blobs = List.copyOf(blobs);
  }

  public static XcmpPage of(final List<VersionedXcm> messages) {
    final List<FramedXcm> framed = new ArrayList<>(messages.size());
    int offset = 1;
    for (final VersionedXcm message : messages) {
      final byte[] encoded = XcmCodec.encode(message);
      framed.add(new FramedXcm(offset, Bytes.wrap(encoded), message));
      offset += encoded.length;
    }
    return new XcmpPage(XcmpMessageFormat.CONCATENATED_VERSIONED_XCM, framed, List.of());
  }

  public static XcmpPage decode(final byte[] page) {
    final ScaleReader in = ScaleReader.of(page);
    final int code = in.readVariantIndex("XcmpMessageFormat");
    final XcmpMessageFormat format = XcmpMessageFormat.byCode(code);
    if (format == null) {
      throw in.errorAt(0, "XcmpMessageFormat", "unknown format " + code);
    }
    final List<FramedXcm> messages = new ArrayList<>();
    final List<Bytes> blobs = new ArrayList<>();
    while (in.hasRemaining()) {
      final int start = in.position();
      try {
        switch (format) {
          case CONCATENATED_VERSIONED_XCM -> {
            final VersionedXcm message = XcmCodec.readVersionedXcm(in);
            messages.add(
                new FramedXcm(
                    start, Bytes.wrap(Arrays.copyOfRange(page, start, in.position())), message));
          }
          case CONCATENATED_OPAQUE_VERSIONED_XCM -> {
            final byte[] encoded = in.readByteVec();
            final int inner = in.position() - encoded.length;
            messages.add(new FramedXcm(inner, Bytes.wrap(encoded), decodeAt(encoded, inner)));
          }
          case CONCATENATED_ENCODED_BLOB -> blobs.add(Bytes.wrap(in.readByteVec()));
          case SIGNALS -> {
            final int signal = in.readVariantIndex("ChannelSignal");
            if (signal > 1) {
              throw in.errorAt(start, "ChannelSignal", "unknown signal " + signal);
            }
            blobs.add(Bytes.wrap(new byte[] {(byte) signal}));
          }
        }
      } catch (ScaleDecodeException e) {
        throw e.within("page message " + (messages.size() + blobs.size()));
      }
    }
    return new XcmpPage(format, messages, blobs);
  }

  /** Decodes an opaque message, reporting offsets relative to the page. */
  private static VersionedXcm decodeAt(final byte[] encoded, final int pageOffset) {
    try {
      return XcmCodec.decodeVersionedXcm(encoded);
    } catch (ScaleDecodeException e) {
      throw new ScaleDecodeException(pageOffset + e.offset(), e.typeName(), e.reason());
    }
  }

  public byte[] encode() {
    final ScaleWriter out = new ScaleWriter(256);
    out.writeU8(format.code());
    switch (format) {
      case CONCATENATED_VERSIONED_XCM ->
          messages.forEach(m -> out.writeBytes(m.encoded().toArray()));
      case CONCATENATED_OPAQUE_VERSIONED_XCM ->
          messages.forEach(m -> out.writeByteVec(m.encoded().toArray()));
      case CONCATENATED_ENCODED_BLOB -> blobs.forEach(b -> out.writeByteVec(b.toArray()));
      case SIGNALS -> blobs.forEach(b -> out.writeBytes(b.toArray()));
    }
    return out.toByteArray();
  }
}
