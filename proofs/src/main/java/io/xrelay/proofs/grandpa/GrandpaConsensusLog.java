package io.xrelay.proofs.grandpa;

import io.xrelay.scale.ScaleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GRANDPA's consensus log, carried in a header digest as {@code Consensus("FRNK", log)}: {@code 1 =
 * ScheduledChange}, {@code 2 = ForcedChange(median, change)}, {@code 3 = OnDisabled(index)}, {@code
 * 4 = Pause(delay)}, {@code 5 = Resume(delay)}.
 */
public sealed interface GrandpaConsensusLog {
  String ENGINE_ID = "FRNK";
  String TYPE = "ConsensusLog";

  /** A new authority set that takes over {@code delay} blocks after the block carrying it. */
  record ScheduledChange(List<GrandpaAuthority> nextAuthorities, long delay)
      implements GrandpaConsensusLog {
    public ScheduledChange {
      nextAuthorities = List.copyOf(nextAuthorities);
    }
  }

  record ForcedChange(long median, ScheduledChange change) implements GrandpaConsensusLog {}

  record OnDisabled(long authorityIndex) implements GrandpaConsensusLog {}

  record Pause(long delay) implements GrandpaConsensusLog {}

  record Resume(long delay) implements GrandpaConsensusLog {}

  /** Decodes one log, rejecting trailing bytes. */
  static GrandpaConsensusLog decode(final byte[] data) {
    final ScaleReader reader = ScaleReader.of(data);
    final int at = reader.position();
    final int variant = reader.readVariantIndex(TYPE);
    final GrandpaConsensusLog log =
        switch (variant) {
          case 1 -> scheduledChange(reader);
          case 2 -> new ForcedChange(reader.readU32(), scheduledChange(reader));
          case 3 -> new OnDisabled(reader.readU64());
          case 4 -> new Pause(reader.readU32());
          case 5 -> new Resume(reader.readU32());
          default -> throw reader.errorAt(at, TYPE, "unknown variant " + variant);
        };
    reader.requireEnd(TYPE);
    return log;
  }

  /** The GRANDPA logs among a header's digest items, in order. */
  static List<GrandpaConsensusLog> in(final SubstrateHeader header) {
    final List<GrandpaConsensusLog> logs = new ArrayList<>();
    for (final DigestItem item : header.digest()) {
      if (item instanceof DigestItem.Consensus consensus && consensus.engine().equals(ENGINE_ID)) {
        logs.add(decode(consensus.data()));
      }
    }
    return logs;
  }

  /** The header's scheduled change, if it carries one. */
  static Optional<ScheduledChange> scheduledChangeIn(final SubstrateHeader header) {
    return in(header).stream()
        .filter(ScheduledChange.class::isInstance)
        .map(ScheduledChange.class::cast)
        .findFirst();
  }

  private static ScheduledChange scheduledChange(final ScaleReader reader) {
    final int count = reader.readLength("ScheduledChange.next_authorities", 40);
    final List<GrandpaAuthority> authorities = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      authorities.add(new GrandpaAuthority(reader.readBytes(32), reader.readU64()));
    }
    return new ScheduledChange(authorities, reader.readU32());
  }
}
