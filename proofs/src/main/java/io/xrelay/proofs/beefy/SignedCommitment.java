package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A commitment with one optional signature per validator-set slot, in authority order.
 *
 * <p>On the wire (block justifications and gossip) it is compact: {@code Commitment ‖
 * signatures_from: Vec<u8> ‖ validator_set_len: u32 ‖ signatures_compact: Vec<[u8; 65]>}, where
 * {@code signatures_from} is a bitfield with bit i = {@code byte[i / 8] >> (7 - i % 8)} (Msb0)
 * saying which slots signed, and only those signatures follow, in slot order.
 */
public record SignedCommitment(
    BeefyCommitment commitment, List<Optional<EcdsaSignature>> signatures) {

  public SignedCommitment {
    signatures = List.copyOf(signatures);
  }

  public int validatorSetLength() {
    return signatures.size();
  }

  /** Slots that carry a signature. */
  public List<Integer> signerIndices() {
    final List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < signatures.size(); i++) {
      if (signatures.get(i).isPresent()) {
        indices.add(i);
      }
    }
    return indices;
  }

  /**
   * Reads the compact form. Strict: the bitfield must be exactly {@code ceil(len / 8)} bytes with
   * zero padding bits, and the number of signatures must equal the number of set bits.
   */
  public static SignedCommitment decodeCompact(final ScaleReader reader) {
    final BeefyCommitment commitment = BeefyCommitment.decode(reader);
    final int bitfieldAt = reader.position();
    final byte[] bitfield = reader.readByteVec();
    final long length = reader.readU32();
    final long expectedBytes = (length + 7) / 8;
    if (bitfield.length != expectedBytes) {
      throw reader.errorAt(
          bitfieldAt,
          "SignedCommitment.signatures_from",
          "bitfield of "
              + bitfield.length
              + " bytes does not fit a validator set of "
              + length
              + " (needs "
              + expectedBytes
              + ")");
    }
    int signers = 0;
    for (int i = 0; i < bitfield.length * 8; i++) {
      if (isSet(bitfield, i)) {
        if (i >= length) {
          throw reader.errorAt(
              bitfieldAt,
              "SignedCommitment.signatures_from",
              "bit " + i + " is set beyond the validator set of " + length);
        }
        signers++;
      }
    }
    final int signaturesAt = reader.position();
    final int count = reader.readLength("SignedCommitment.signatures_compact", 65);
    if (count != signers) {
      throw reader.errorAt(
          signaturesAt,
          "SignedCommitment.signatures_compact",
          count + " signatures for " + signers + " set bits");
    }
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>((int) length);
    for (int i = 0; i < length; i++) {
      signatures.add(
          isSet(bitfield, i)
              ? Optional.of(EcdsaSignature.fromBytes(reader.readBytes(65)))
              : Optional.empty());
    }
    return new SignedCommitment(commitment, signatures);
  }

  public void encodeCompact(final ScaleWriter writer) {
    commitment.encode(writer);
    final byte[] bitfield = new byte[(signatures.size() + 7) / 8];
    int count = 0;
    for (int i = 0; i < signatures.size(); i++) {
      if (signatures.get(i).isPresent()) {
        bitfield[i / 8] |= (byte) (0x80 >>> (i % 8));
        count++;
      }
    }
    writer.writeByteVec(bitfield).writeU32(signatures.size()).writeCompact(count);
    for (final Optional<EcdsaSignature> signature : signatures) {
      signature.ifPresent(s -> writer.writeBytes(s.toBytes()));
    }
  }

  public byte[] encodeCompact() {
    final ScaleWriter writer = new ScaleWriter(128 + 66 * signatures.size());
    encodeCompact(writer);
    return writer.toByteArray();
  }

  private static boolean isSet(final byte[] msb0, final int bit) {
    return (msb0[bit / 8] >> (7 - bit % 8) & 1) != 0;
  }
}
