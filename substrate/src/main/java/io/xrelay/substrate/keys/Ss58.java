package io.xrelay.substrate.keys;

import io.xrelay.crypto.Blake2b;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SS58 addresses: base58 of {@code prefix ++ account ++ checksum}, the checksum being the first two
 * bytes of blake2b-512("SS58PRE" ++ prefix ++ account).
 */
public final class Ss58 {
  public static final int POLKADOT = 0;
  public static final int KUSAMA = 2;
  public static final int GENERIC_SUBSTRATE = 42;

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final byte[] CHECKSUM_PREFIX = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
  private static final BigInteger BASE = BigInteger.valueOf(58);

  /** A decoded address. */
  public record Address(int prefix, byte[] accountId) {}

  private Ss58() {}

  public static String encode(final byte[] accountId, final int prefix) {
    if (prefix < 0 || prefix > 16383 || prefix == 46 || prefix == 47) {
      throw new IllegalArgumentException("SS58 prefix " + prefix + " is not usable");
    }
    final ByteArrayOutputStream payload = new ByteArrayOutputStream(accountId.length + 4);
    payload.writeBytes(prefixBytes(prefix));
    payload.writeBytes(accountId);
    final byte[] body = payload.toByteArray();
    final byte[] checksum = checksum(body);
    final byte[] full = Arrays.copyOf(body, body.length + 2);
    full[body.length] = checksum[0];
    full[body.length + 1] = checksum[1];
    return base58(full);
  }

  /**
   * @throws IllegalArgumentException naming the character, the length or the checksum that is wrong
   */
  public static Address decode(final String address) {
    final byte[] full = unbase58(address);
    if (full.length < 3) {
      throw new IllegalArgumentException("SS58 address '" + address + "' is too short");
    }
    final int prefixLength = (full[0] & 0xff) < 64 ? 1 : 2;
    final int prefix =
        prefixLength == 1
            ? full[0] & 0xff
            : (((full[0] & 0b0011_1111) << 2) | ((full[1] & 0xff) >> 6))
                | ((full[1] & 0b0011_1111) << 8);
    final int accountLength = full.length - prefixLength - 2;
    if (accountLength != 32
        && accountLength != 1
        && accountLength != 2
        && accountLength != 4
        && accountLength != 8
        && accountLength != 20) {
      throw new IllegalArgumentException(
          "SS58 address '" + address + "' has an account of " + accountLength + " bytes");
    }
    final byte[] body = Arrays.copyOf(full, full.length - 2);
    final byte[] checksum = checksum(body);
    if (checksum[0] != full[full.length - 2] || checksum[1] != full[full.length - 1]) {
      throw new IllegalArgumentException("SS58 address '" + address + "' has a wrong checksum");
    }
    return new Address(
        prefix, Arrays.copyOfRange(full, prefixLength, prefixLength + accountLength));
  }

  private static byte[] prefixBytes(final int prefix) {
    if (prefix < 64) {
      return new byte[] {(byte) prefix};
    }
    return new byte[] {
      (byte) (((prefix & 0b1111_1100) >> 2) | 0b0100_0000),
      (byte) ((prefix >> 8) | ((prefix & 0b11) << 6))
    };
  }

  private static byte[] checksum(final byte[] body) {
    final byte[] input = new byte[CHECKSUM_PREFIX.length + body.length];
    System.arraycopy(CHECKSUM_PREFIX, 0, input, 0, CHECKSUM_PREFIX.length);
    System.arraycopy(body, 0, input, CHECKSUM_PREFIX.length, body.length);
    return Blake2b.hash(input, 0, input.length, 64);
  }

  private static String base58(final byte[] bytes) {
    final StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      final BigInteger[] division = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(division[1].intValue()));
      value = division[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  private static byte[] unbase58(final String text) {
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      final int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException(
            "'" + text.charAt(i) + "' at position " + i + " is not a base58 character");
      }
      if (leading && digit == 0) {
        leadingZeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    final byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    final int start = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    final byte[] out = new byte[leadingZeros + magnitude.length - start];
    System.arraycopy(magnitude, start, out, leadingZeros, magnitude.length - start);
    return out;
  }
}
