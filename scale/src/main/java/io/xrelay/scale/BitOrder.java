package io.xrelay.scale;

/** Bit order inside each store word of a SCALE bit sequence ({@code bitvec}'s Lsb0 and Msb0). */
public enum BitOrder {
  /** Bit 0 is the least significant bit of the first store word. */
  LSB0,
  /** Bit 0 is the most significant bit of the first store word (BEEFY signer bitfields). */
  MSB0
}
