package io.xrelay.proofs.grandpa;

import io.xrelay.proofs.H256;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A GRANDPA justification (engine id {@code FRNK}): {@code round: u64 ‖ commit { target_hash,
 * target_number: u32, precommits: Vec<{precommit, signature, id}> } ‖ votes_ancestries:
 * Vec<Header>}. The ancestries are the headers between the commit target and precommit targets that
 * vote for descendants of it.
 */
public record GrandpaJustification(
    long round,
    H256 targetHash,
    long targetNumber,
    List<SignedPrecommit> precommits,
    List<SubstrateHeader> votesAncestries) {
  public static final String ENGINE_ID = "FRNK";
  private static final String TYPE = "GrandpaJustification";

  public GrandpaJustification {
    precommits = List.copyOf(precommits);
    votesAncestries = List.copyOf(votesAncestries);
  }

  public static GrandpaJustification decode(final ScaleReader reader) {
    final long round = reader.readU64();
    final H256 targetHash = H256.read(reader);
    final long targetNumber = reader.readU32();
    final int count = reader.readLength("Commit.precommits", 32 + 4 + 64 + 32);
    final List<SignedPrecommit> precommits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final Precommit precommit = new Precommit(H256.read(reader), reader.readU32());
      precommits.add(new SignedPrecommit(precommit, reader.readBytes(64), reader.readBytes(32)));
    }
    final int headers = reader.readLength("votes_ancestries", 32 + 1 + 32 + 32 + 1);
    final List<SubstrateHeader> ancestries = new ArrayList<>(headers);
    for (int i = 0; i < headers; i++) {
      try {
        ancestries.add(SubstrateHeader.decode(reader));
      } catch (ScaleDecodeException e) {
        throw e.within("votes_ancestries[" + i + "]");
      }
    }
    return new GrandpaJustification(round, targetHash, targetNumber, precommits, ancestries);
  }

  /** Decodes a whole justification, rejecting trailing bytes. */
  public static GrandpaJustification decode(final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final GrandpaJustification justification = decode(reader);
    reader.requireEnd(TYPE);
    return justification;
  }

  public static GrandpaJustification decodeHex(final String hex) {
    return decode(Hex.decode(hex));
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(64 + 132 * precommits.size());
    writer.writeU64(round);
    targetHash.write(writer);
    writer.writeU32(targetNumber).writeCompact(precommits.size());
    for (final SignedPrecommit signed : precommits) {
      signed.precommit().targetHash().write(writer);
      writer
          .writeU32(signed.precommit().targetNumber())
          .writeBytes(signed.signature())
          .writeBytes(signed.authorityId());
    }
    writer.writeCompact(votesAncestries.size());
    votesAncestries.forEach(header -> header.encode(writer));
    return writer.toByteArray();
  }
}
