package io.xrelay.xcm.id;

import io.xrelay.crypto.Blake2b;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.model.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identifiers a tracker matches a message by. The sender knows the message hash (what {@code
 * XcmpMessageSent} and {@code UpwardMessageSent} report) and the topic ({@code Sent.message_id});
 * the receiver's {@code MessageQueue.Processed.id} is the topic on current runtimes, {@link
 * #forwardIdFor} of it on older runtimes for forwarded messages, or the message hash when the
 * runtime ignores topics.
 */
public final class XcmIds {
  private static final byte[] FORWARD_ID_PREFIX =
      "forward_id_for".getBytes(StandardCharsets.US_ASCII);

  private XcmIds() {}

  /** {@code blake2_256} of the encoded {@code VersionedXcm} (without any XCMP format byte). */
  public static Bytes messageHash(final byte[] encodedVersionedXcm) {
    return Bytes.wrap(Blake2b.hash256(encodedVersionedXcm));
  }

  public static Bytes messageHash(final VersionedXcm message) {
    return messageHash(XcmCodec.encode(message));
  }

  /** The {@code SetTopic} that ends the program, if any. */
  public static Optional<Bytes> topic(final VersionedXcm message) {
    return message.topic();
  }

  /**
   * {@code forward_id_for(topic)} of polkadot-sdk's {@code universal_exports}: {@code
   * blake2_256(b"forward_id_for" ++ topic)}; the prefix is a byte array, so no length precedes it.
   */
  public static Bytes forwardIdFor(final Bytes topic) {
    if (topic.length() != 32) {
      throw new IllegalArgumentException("a topic is 32 bytes, got " + topic.length());
    }
    final byte[] input = new byte[FORWARD_ID_PREFIX.length + 32];
    System.arraycopy(FORWARD_ID_PREFIX, 0, input, 0, FORWARD_ID_PREFIX.length);
    System.arraycopy(topic.toArray(), 0, input, FORWARD_ID_PREFIX.length, 32);
    return Bytes.wrap(Blake2b.hash256(input));
  }

  /**
   * Every id a receiver may report for this message in {@code MessageQueue.Processed}: the topic,
   * its forward id, and the message hash, in that order (topic ones only when there is a topic).
   */
  public static List<Bytes> candidateProcessedIds(final byte[] encodedVersionedXcm) {
    final List<Bytes> ids = new ArrayList<>(3);
    XcmCodec.decodeVersionedXcm(encodedVersionedXcm)
        .topic()
        .ifPresent(
            topic -> {
              ids.add(topic);
              ids.add(forwardIdFor(topic));
            });
    ids.add(messageHash(encodedVersionedXcm));
    return ids;
  }
}
