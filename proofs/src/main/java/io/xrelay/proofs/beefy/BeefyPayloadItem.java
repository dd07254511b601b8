package io.xrelay.proofs.beefy;

import io.xrelay.scale.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One item of a BEEFY commitment's payload: a two-byte id (e.g. {@code "mh"} for the MMR root) and
 * opaque data.
 *
 * @param id the two id bytes as a big-endian {@code u16} ({@code "mh"} = 0x6d68), so that ordering
 *     by {@code id} is the byte-wise order Substrate keeps payloads sorted in
 */
public record BeefyPayloadItem(int id, byte[] data) {
  /** Payload id of the MMR root. */
  public static final int MMR_ROOT_ID = ('m' << 8) | 'h';

  public BeefyPayloadItem {
    if (id < 0 || id > 0xffff) {
      throw new IllegalArgumentException("payload id must fit two bytes: " + id);
    }
    data = data.clone();
  }

  public static BeefyPayloadItem of(final String id, final byte[] data) {
    final byte[] bytes = id.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != 2) {
      throw new IllegalArgumentException("payload id must be two characters: " + id);
    }
    return new BeefyPayloadItem((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff), data);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The id bytes as text, e.g. {@code mh}. */
  public String idText() {
    return new String(new byte[] {(byte) (id >> 8), (byte) id}, StandardCharsets.ISO_8859_1);
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof BeefyPayloadItem that
        && id == that.id
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * id + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return idText() + ":" + Hex.encode(data);
  }
}
