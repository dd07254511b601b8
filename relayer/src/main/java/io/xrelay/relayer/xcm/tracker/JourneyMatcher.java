package io.xrelay.relayer.xcm.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.store.journey.Journey;
import io.xrelay.store.journey.JourneyLeg;
import io.xrelay.store.journey.JourneyOutcome;
import io.xrelay.xcm.VersionedXcm;
import io.xrelay.xcm.codec.XcmCodec;
import io.xrelay.xcm.framing.FramedXcm;
import io.xrelay.xcm.framing.XcmpPage;
import io.xrelay.xcm.id.XcmIds;
import io.xrelay.xcm.model.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the decoded events of finalized blocks into XCM journeys. Pure: no I/O, no clock (block
 * times and {@link #expire}'s {@code now} come from the caller); not thread-safe (one caller).
 *
 * <p>A message is indexed under every id a chain may report for it (topic, {@code
 * forward_id_for(topic)}, message hash), so the receiver's {@code MessageQueue.Processed.id},
 * {@code DmpQueue.ExecutedDownward.message_id/message_hash} or {@code
 * XcmpQueue.Success.message_hash} finds it whichever one it uses. Blocks of different chains may
 * come in any order: an execution seen before its send opens the journey, and the send joins it
 * later by the same ids. Replaying a block adds nothing: every leg has a key made of its chain,
 * block and event position.
 */
public final class JourneyMatcher {
  private final Map<String, TrackedChain> chainsByName = new HashMap<>();
  private final Duration timeout;
  private final Duration bridgedTimeout;
  private final Map<String, Draft> journeys = new LinkedHashMap<>();
  private final Map<String, Draft> byKey = new HashMap<>();
  // Relay chain teleports emit no send event: the extrinsics of a block that executed XCM
  // ("Attempted") and the journeys a parachain inherent says were sent in that block meet here.
  private final Map<String, List<String>> attemptsByBlock = new LinkedHashMap<>();
  private final Map<String, List<Draft>> inherentSendsByBlock = new LinkedHashMap<>();
  private static final int REMEMBERED_BLOCKS = 1_000;

  public JourneyMatcher(
      final List<TrackedChain> chains, final Duration timeout, final Duration bridgedTimeout) {
    chains.forEach(chain -> chainsByName.put(chain.name(), chain));
    this.timeout = timeout;
    this.bridgedTimeout = bridgedTimeout;
  }

  /** Takes back journeys loaded from the store (after a restart), finished or not. */
  public void restore(final Journey journey) {
    final Draft draft = Draft.of(journey);
    journeys.put(draft.messageId, draft);
    draft.keys.forEach(key -> byKey.put(key, draft));
  }

  public Optional<Journey> journey(final String id) {
    final Draft draft = journeys.containsKey(id) ? journeys.get(id) : byKey.get(id);
    return Optional.ofNullable(draft).map(Draft::snapshot);
  }

  public int size() {
    return journeys.size();
  }

  /** Forgets finished journeys last changed before {@code before} (they stay in the store). */
  public void forgetFinishedBefore(final Instant before) {
    journeys
        .values()
        .removeIf(
            draft -> {
              final boolean forget =
                  draft.outcome.isFinal() && draft.updatedAt < before.toEpochMilli();
              if (forget) {
                draft.keys.forEach(key -> byKey.remove(key, draft));
              }
              return forget;
            });
  }

  /** Applies one block; returns the journeys it changed. */
  public List<JourneyUpdate> apply(final BlockEvents block) {
    final BlockRun run = new BlockRun(block);
    run.downward();
    run.horizontal();
    run.events();
    run.unclaimedOutbound();
    return run.finish();
  }

  /** Journeys still pending whose time ran out become timeouts. */
  public List<JourneyUpdate> expire(final Instant now) {
    final List<JourneyUpdate> updates = new ArrayList<>();
    for (final Draft draft : journeys.values()) {
      if (draft.outcome != JourneyOutcome.PENDING) {
        continue;
      }
      final Duration limit = draft.bridged ? bridgedTimeout : timeout;
      final long since = draft.sentAt >= 0 ? draft.sentAt : draft.updatedAt;
      if (since + limit.toMillis() <= now.toEpochMilli()) {
        draft.outcome = JourneyOutcome.TIMEOUT;
        draft.error =
            Optional.of("no outcome within " + limit.toMinutes() + " min of the first leg");
        draft.updatedAt = now.toEpochMilli();
        updates.add(
            new JourneyUpdate(draft.snapshot(), List.of(), JourneyOutcome.PENDING, Set.of()));
      }
    }
    return updates;
  }

  // ---- one block ----

  /** The ids a message may be reported under, decoded from its bytes. */
  private record MessageIds(Optional<String> topic, String hash, List<String> all) {
    static MessageIds of(final byte[] encoded) {
      final String hash = XcmIds.messageHash(encoded).toHex();
      Optional<String> topic = Optional.empty();
      try {
        final VersionedXcm message = XcmCodec.decodeVersionedXcm(encoded);
        topic = message.topic().map(Bytes::toHex);
      } catch (ScaleDecodeException | IllegalArgumentException e) {
        // Bytes we cannot decode still have a hash; the receiver may report it.
      }
      return ofIds(topic, hash);
    }

    static MessageIds ofIds(final Optional<String> topic, final String hash) {
      final List<String> all = new ArrayList<>();
      topic.ifPresent(
          t -> {
            all.add(t);
            all.add(XcmIds.forwardIdFor(Bytes.fromHex(t)).toHex());
          });
      if (hash != null) {
        all.add(hash);
      }
      return new MessageIds(topic, hash, all);
    }
  }

  /** A send seen in an extrinsic (or initialization/finalization), not yet made a journey. */
  private static final class Send {
    final ChainEvent event;
    String hash;
    Optional<String> topic = Optional.empty();
    Optional<String> destination = Optional.empty();
    boolean bridgedDestination;
    int recipientPara = Integer.MIN_VALUE;

    Send(final ChainEvent event) {
      this.event = event;
    }
  }

  private final class BlockRun {
    private final BlockEvents block;
    private final TrackedChain chain;
    private final Map<String, BlockEvents.OutboundMessage> outboundByHash = new HashMap<>();
    private final Set<String> claimedOutbound = new LinkedHashSet<>();
    private final Map<String, Draft> touched = new LinkedHashMap<>();
    private final Map<Draft, JourneyOutcome> before = new HashMap<>();
    private final Map<Draft, List<JourneyLeg>> added = new HashMap<>();
    private final Set<String> merged = new LinkedHashSet<>();
    private final Set<Draft> rekeyed = new java.util.HashSet<>();

    BlockRun(final BlockEvents block) {
      this.block = block;
      this.chain =
          chainsByName.getOrDefault(
              block.chain(), new TrackedChain(block.chain(), block.chain(), TrackedChain.RELAY));
      for (final BlockEvents.OutboundMessage outbound : block.outbound()) {
        outboundByHash.put(XcmIds.messageHash(outbound.message()).toHex(), outbound);
      }
    }

    private String legKey(final String kind, final String position) {
      return kind + "@" + block.chain() + "#" + block.number() + "/" + position;
    }

    private void touch(final Draft draft) {
      before.putIfAbsent(draft, draft.outcome);
      touched.put(draft.messageId, draft);
    }

    private void addLeg(final Draft draft, final JourneyLeg leg) {
      touch(draft);
      if (draft.addLeg(leg)) {
        added.computeIfAbsent(draft, d -> new ArrayList<>()).add(leg);
      }
      draft.updatedAt = Math.max(draft.updatedAt, block.time().toEpochMilli());
    }

    private JourneyLeg leg(
        final JourneyLeg.Kind kind,
        final Optional<String> to,
        final String position,
        final String event,
        final Optional<String> outcome,
        final Optional<String> error,
        final Optional<String> trapped) {
      return new JourneyLeg(
          legKey(kind.label(), position),
          kind,
          block.chain(),
          to,
          block.number(),
          block.hash(),
          event,
          outcome,
          error,
          trapped,
          block.time().toEpochMilli());
    }

    private Draft find(final List<String> ids) {
      for (final String id : ids) {
        final Draft draft = byKey.get(id);
        if (draft != null) {
          return draft;
        }
      }
      return null;
    }

    private Draft open(final String messageId, final String origin) {
      final Draft draft = new Draft(messageId, origin);
      journeys.put(messageId, draft);
      index(draft, List.of(messageId));
      return draft;
    }

    private void index(final Draft draft, final List<String> ids) {
      for (final String id : ids) {
        draft.keys.add(id);
        final Draft other = byKey.putIfAbsent(id, draft);
        if (other != null && other != draft) {
          merge(other, draft);
        }
      }
    }

    /**
     * Two journeys turned out to be one (an id links them: a bridge nonce seen on the far side
     * first): the second one's legs and ids move into the first, and the second is dropped.
     */
    private void merge(final Draft from, final Draft into) {
      touch(into);
      for (final JourneyLeg leg : from.legs) {
        if (into.addLeg(leg)) {
          added.computeIfAbsent(into, d -> new ArrayList<>()).add(leg);
        }
      }
      into.bridged |= from.bridged;
      into.failed |= from.failed;
      if (into.error.isEmpty()) {
        into.error = from.error;
      }
      if (into.destination.isEmpty() || from.sentAt > into.sentAt) {
        into.destination = from.destination.isPresent() ? from.destination : into.destination;
      }
      if (into.sentAt < 0 || from.sentAt >= 0 && from.sentAt < into.sentAt) {
        into.sentAt = from.sentAt;
      }
      into.updatedAt = Math.max(into.updatedAt, from.updatedAt);
      for (final String key : from.keys) {
        into.keys.add(key);
        byKey.put(key, into);
      }
      journeys.remove(from.messageId);
      touched.remove(from.messageId);
      before.remove(from);
      added.remove(from);
      merged.add(from.messageId);
    }

    // -- sends --

    /** Downward messages a parachain received: their send on the relay chain, if not yet seen. */
    void downward() {
      if (chain.isRelay()) {
        return;
      }
      final String relay = relayName(chain.network());
      int position = 0;
      for (final BlockEvents.DownwardMessage message : block.downward()) {
        final MessageIds ids = MessageIds.of(message.message());
        Draft draft = find(ids.all());
        if (draft == null) {
          draft = open(ids.topic().orElse(ids.hash()), relay);
        }
        index(draft, ids.all());
        draft.destination = Optional.of(block.chain());
        final boolean hadSend = draft.legs.stream().anyMatch(l -> l.kind() == JourneyLeg.Kind.SENT);
        if (!hadSend) {
          // The relay chain emits no event for a queued teleport: the inherent names its block.
          final JourneyLeg sent =
              new JourneyLeg(
                  "sent@" + relay + "#" + message.sentAt() + "/dmp/" + ids.hash(),
                  JourneyLeg.Kind.SENT,
                  relay,
                  Optional.of(block.chain()),
                  message.sentAt(),
                  null,
                  "Dmp.DownwardMessageQueues",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  block.time().toEpochMilli());
          addLeg(draft, sent);
          if (draft.sentAt < 0) {
            draft.sentAt = block.time().toEpochMilli();
          }
          final String at = relay + "#" + message.sentAt();
          final List<String> attempts = attemptsByBlock.get(at);
          if (attempts != null && attempts.size() == 1) {
            index(draft, attempts);
          } else {
            remember(inherentSendsByBlock, at, draft);
          }
        }
        position++;
      }
    }

    private void attempted(final String at, final String extrinsicHash) {
      final List<String> hashes = attemptsByBlock.computeIfAbsent(at, k -> new ArrayList<>());
      if (!hashes.contains(extrinsicHash)) {
        hashes.add(extrinsicHash);
      }
      trim(attemptsByBlock);
      final List<Draft> sends = inherentSendsByBlock.get(at);
      if (sends != null && hashes.size() == 1) {
        for (final Draft draft : sends) {
          touch(draft);
          rekeyed.add(draft);
          index(draft, hashes);
        }
      }
    }

    /** XCMP pages a relay chain carried between parachains. */
    void horizontal() {
      int page = 0;
      for (final BlockEvents.HorizontalPage horizontal : block.horizontal()) {
        final List<FramedXcm> messages;
        try {
          messages = XcmpPage.decode(horizontal.page()).messages();
        } catch (ScaleDecodeException | IllegalArgumentException e) {
          page++;
          continue;
        }
        for (final FramedXcm framed : messages) {
          final Draft draft = find(List.of(framed.messageHash().toHex()));
          if (draft != null) {
            addLeg(
                draft,
                leg(
                    JourneyLeg.Kind.RELAYED,
                    Optional.of(chainName(chain.network(), horizontal.recipientPara())),
                    "hrmp/" + page + "/" + framed.offset(),
                    "ParaInherent.enter",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
          }
        }
        page++;
      }
    }

    void events() {
      // Group by extrinsic: a send's hash event and its Sent event come from the same one.
      final Map<Long, List<ChainEvent>> groups = new LinkedHashMap<>();
      for (final ChainEvent event : block.events()) {
        groups.computeIfAbsent(event.extrinsicIndex(), k -> new ArrayList<>()).add(event);
      }
      groups.values().forEach(this::group);
    }

    private void group(final List<ChainEvent> events) {
      final List<Send> hashSends = new ArrayList<>();
      final List<Send> sentEvents = new ArrayList<>();
      final List<ChainEvent> trapped = new ArrayList<>();
      final List<ChainEvent> bridgeAccepted = new ArrayList<>();
      Draft bridgedIn = null;
      Draft lastReceived = null;
      for (final ChainEvent event : events) {
        final String name = event.name();
        if (name.equals("XcmpMessageSent") || name.equals("UpwardMessageSent")) {
          final Send send = new Send(event);
          send.hash = EventFields.hex(EventFields.field(event.fields(), "message_hash", 0));
          if (send.hash == null) {
            continue;
          }
          final BlockEvents.OutboundMessage bytes = outboundByHash.get(send.hash);
          if (bytes != null) {
            send.topic = MessageIds.of(bytes.message()).topic();
            send.recipientPara = bytes.recipientPara();
            claimedOutbound.add(send.hash);
          } else if (name.equals("UpwardMessageSent")) {
            send.recipientPara = TrackedChain.RELAY;
          }
          hashSends.add(send);
        } else if (name.equals("Sent")
            && (event.pallet().equals("PolkadotXcm") || event.pallet().equals("XcmPallet"))) {
          final Send send = new Send(event);
          send.topic =
              Optional.ofNullable(
                  EventFields.hex(EventFields.field(event.fields(), "message_id", 3)));
          final JsonNode destination = EventFields.field(event.fields(), "destination", 1);
          send.destination = destinationOf(destination);
          send.bridgedDestination = EventFields.hasGlobalConsensus(destination);
          sentEvents.add(send);
        } else if (name.equals("Attempted")
            && (event.pallet().equals("PolkadotXcm") || event.pallet().equals("XcmPallet"))) {
          block
              .extrinsicHash(event.extrinsicIndex())
              .ifPresent(hash -> attempted(block.chain() + "#" + block.number(), hash));
        } else if (name.equals("AssetsTrapped")) {
          trapped.add(event);
        } else if (event.pallet().startsWith("Bridge")
            && event.pallet().endsWith("Messages")
            && name.equals("MessageAccepted")) {
          if (lastReceived != null) {
            bridgeOut(lastReceived, event);
          } else {
            bridgeAccepted.add(event);
          }
        } else if (event.pallet().startsWith("Bridge")
            && event.pallet().endsWith("Messages")
            && name.equals("MessagesReceived")) {
          final Draft draft = bridgeIn(event);
          if (draft != null) {
            bridgedIn = draft;
          }
        } else {
          final Draft received = inbound(event, trapped);
          if (received != null) {
            lastReceived = received;
            for (final ChainEvent accepted : bridgeAccepted) {
              bridgeOut(received, accepted);
            }
            bridgeAccepted.clear();
          }
        }
      }
      pairSends(hashSends, sentEvents, bridgedIn);
    }

    /** Pairs each hash event with the Sent event of the same extrinsic, in order. */
    private void pairSends(final List<Send> hashSends, final List<Send> sents, final Draft hop) {
      final List<Send> sends = new ArrayList<>();
      if (hashSends.size() == sents.size()) {
        for (int i = 0; i < hashSends.size(); i++) {
          final Send send = hashSends.get(i);
          final Send sent = sents.get(i);
          if (sent.topic.isPresent()) {
            send.topic = sent.topic;
          }
          send.destination = sent.destination;
          send.bridgedDestination = sent.bridgedDestination;
          sends.add(send);
        }
      } else {
        sends.addAll(hashSends);
        for (final Send sent : sents) {
          // A Sent without a hash event (relay chain DMP): its bytes may be in the queue read.
          outboundByHash.entrySet().stream()
              .filter(
                  e ->
                      !claimedOutbound.contains(e.getKey())
                          && MessageIds.of(e.getValue().message()).topic().equals(sent.topic))
              .findFirst()
              .ifPresent(
                  e -> {
                    sent.hash = e.getKey();
                    sent.recipientPara = e.getValue().recipientPara();
                    claimedOutbound.add(e.getKey());
                  });
          sends.add(sent);
        }
      }
      for (final Send send : sends) {
        outbound(send, hop);
      }
    }

    private Optional<String> destinationOf(final JsonNode location) {
      final int para = EventFields.parachainOf(location);
      final int parents = EventFields.parentsOf(location);
      if (EventFields.hasGlobalConsensus(location)) {
        return Optional.of(EventFields.globalConsensusName(location));
      }
      if (para >= 0) {
        return Optional.of(chainName(chain.network(), para));
      }
      if (parents == 1 && !chain.isRelay()) {
        return Optional.of(relayName(chain.network()));
      }
      return Optional.empty();
    }

    private void outbound(final Send send, final Draft hop) {
      final MessageIds ids = MessageIds.ofIds(send.topic, send.hash);
      if (ids.all().isEmpty()) {
        return;
      }
      Draft draft = find(ids.all());
      if (draft == null && hop != null) {
        draft = hop;
      }
      if (draft == null) {
        draft = open(ids.topic().orElse(ids.hash()), block.chain());
      }
      index(draft, ids.all());
      final Optional<String> extrinsic = block.extrinsicHash(send.event.extrinsicIndex());
      if (extrinsic.isPresent()) {
        index(draft, List.of(extrinsic.get()));
      }
      Optional<String> destination = send.destination;
      if (destination.isEmpty() && send.recipientPara != Integer.MIN_VALUE) {
        destination =
            Optional.of(
                send.recipientPara == TrackedChain.RELAY
                    ? relayName(chain.network())
                    : chainName(chain.network(), send.recipientPara));
      }
      if (destination.isPresent()
          && (draft.destination.isEmpty() || !draft.origin.equals(block.chain()))) {
        // A hop's destination is the journey's new expected end.
        draft.destination = destination;
      }
      if (send.bridgedDestination) {
        draft.bridged = true;
      }
      final JourneyLeg sent =
          leg(
              JourneyLeg.Kind.SENT,
              destination,
              "event/" + send.event.index(),
              send.event.qualifiedName(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      final boolean isNew = !draft.hasLeg(sent.key());
      addLeg(draft, sent);
      if (isNew) {
        if (draft.sentAt < 0) {
          draft.sentAt = block.time().toEpochMilli();
        }
        if (draft.origin.startsWith("?")) {
          draft.origin = block.chain();
        }
      }
    }

    /** Messages queued for sending that no event announced (e.g. a relay chain teleport). */
    void unclaimedOutbound() {
      for (final Map.Entry<String, BlockEvents.OutboundMessage> entry : outboundByHash.entrySet()) {
        if (claimedOutbound.contains(entry.getKey())) {
          continue;
        }
        final MessageIds ids = MessageIds.of(entry.getValue().message());
        Draft draft = find(ids.all());
        if (draft == null) {
          draft = open(ids.topic().orElse(ids.hash()), block.chain());
        }
        index(draft, ids.all());
        final int recipient = entry.getValue().recipientPara();
        draft.destination =
            Optional.of(
                recipient == TrackedChain.RELAY
                    ? relayName(chain.network())
                    : chainName(chain.network(), recipient));
        final JourneyLeg sent =
            leg(
                JourneyLeg.Kind.SENT,
                draft.destination,
                "queue/" + entry.getKey(),
                recipient == TrackedChain.RELAY
                    ? "ParachainSystem.UpwardMessages"
                    : "Dmp.DownwardMessageQueues",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        final boolean replacesInherentLeg =
            draft.legs.stream()
                .anyMatch(
                    l ->
                        l.kind() == JourneyLeg.Kind.SENT
                            && l.chain().equals(block.chain())
                            && l.block() == block.number());
        if (!replacesInherentLeg && !draft.hasLeg(sent.key())) {
          if (draft.sentAt < 0) {
            draft.sentAt = block.time().toEpochMilli();
          }
          addLeg(draft, sent);
        }
      }
    }

    // -- receipts --

    private Draft inbound(final ChainEvent event, final List<ChainEvent> trapped) {
      final List<String> ids = new ArrayList<>();
      Optional<String> outcome;
      Optional<String> error = Optional.empty();
      JsonNode origin = null;
      final JsonNode fields = event.fields();
      if (event.is("MessageQueue", "Processed")) {
        ids.add(EventFields.hex(EventFields.field(fields, "id", 0)));
        origin = EventFields.field(fields, "origin", 1);
        final boolean success = EventFields.bool(EventFields.field(fields, "success", 3));
        outcome = Optional.of(success ? "success" : "fail");
      } else if (event.is("MessageQueue", "ProcessingFailed")) {
        ids.add(EventFields.hex(EventFields.field(fields, "id", 0)));
        origin = EventFields.field(fields, "origin", 1);
        outcome = Optional.of("fail");
        error = Optional.of(EventFields.variantName(EventFields.field(fields, "error", 2)));
      } else if (event.is("DmpQueue", "ExecutedDownward")
          || event.is("CumulusXcm", "ExecutedDownward")) {
        final boolean dmpQueue = event.pallet().equals("DmpQueue");
        final JsonNode outcomeField =
            dmpQueue
                ? EventFields.field(fields, "outcome", 2)
                : EventFields.field(fields, "outcome", 1);
        ids.add(EventFields.hex(EventFields.field(fields, "message_id", dmpQueue ? 1 : 0)));
        if (dmpQueue) {
          ids.add(EventFields.hex(EventFields.field(fields, "message_hash", 0)));
        }
        final String kind = EventFields.variantName(outcomeField);
        outcome = Optional.of("Complete".equals(kind) ? "success" : "fail");
        if (!"Complete".equals(kind)) {
          error = Optional.of(EventFields.xcmOutcomeError(outcomeField));
        }
        origin = null;
      } else if (event.is("XcmpQueue", "Success") || event.is("XcmpQueue", "Fail")) {
        ids.add(EventFields.hex(EventFields.field(fields, "message_hash", 0)));
        ids.add(EventFields.hex(EventFields.field(fields, "message_id", 1)));
        final boolean success = event.name().equals("Success");
        outcome = Optional.of(success ? "success" : "fail");
        if (!success) {
          error = Optional.of(EventFields.variantName(EventFields.field(fields, "error", 2)));
        }
      } else {
        return null;
      }
      ids.removeIf(id -> id == null);
      if (ids.isEmpty()) {
        return null;
      }
      Optional<String> trappedJson = Optional.empty();
      if (!trapped.isEmpty()) {
        trappedJson = Optional.of(trapped.get(trapped.size() - 1).fields().toString());
        trapped.clear();
        if (error.isEmpty() && "fail".equals(outcome.orElse(""))) {
          error = Optional.of("assets trapped");
        }
      }
      Draft draft = find(ids);
      if (draft == null) {
        // Executed before we saw it sent (the sender's watcher is behind, or not configured).
        draft = open(ids.get(0), originOf(origin));
      }
      index(draft, ids);
      final JourneyLeg received =
          leg(
              JourneyLeg.Kind.RECEIVED,
              Optional.empty(),
              "event/" + event.index(),
              event.qualifiedName(),
              outcome,
              error,
              trappedJson);
      final boolean isNew = !draft.hasLeg(received.key());
      addLeg(draft, received);
      if (isNew) {
        if (draft.destination.isEmpty()) {
          draft.destination = Optional.of(block.chain());
        }
        if ("fail".equals(outcome.orElse(""))) {
          draft.failed = true;
          draft.error =
              error.isPresent() ? error : Optional.of("execution failed on " + chain.name());
        }
      }
      return draft;
    }

    private String originOf(final JsonNode origin) {
      if (origin == null) {
        return chain.isRelay() ? "?" : relayName(chain.network());
      }
      final String kind = EventFields.variantName(origin);
      final JsonNode value = origin.get("value");
      switch (kind) {
        case "Parent":
          return relayName(chain.network());
        case "Sibling":
          return chainName(chain.network(), (int) EventFields.number(value));
        case "Ump":
          return chainName(chain.network(), (int) EventFields.number(value.get("value")));
        case "Here":
          return block.chain();
        default:
          return "?" + kind;
      }
    }

    // -- bridges --

    private void bridgeOut(final Draft draft, final ChainEvent event) {
      final String lane = EventFields.hex(EventFields.field(event.fields(), "lane_id", 0));
      final long nonce = EventFields.number(EventFields.field(event.fields(), "nonce", 1));
      index(draft, List.of(bridgeKey(lane, nonce)));
      draft.bridged = true;
      final JourneyLeg leg =
          leg(
              JourneyLeg.Kind.BRIDGE_OUT,
              Optional.of(BRIDGE),
              "event/" + event.index(),
              event.qualifiedName(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      addLeg(draft, leg);
    }

    private Draft bridgeIn(final ChainEvent event) {
      final String lane = EventFields.hex(EventFields.field(event.fields(), "lane", 0));
      final JsonNode results = EventFields.field(event.fields(), "receive_results", 1);
      Draft last = null;
      if (results == null || !results.isArray()) {
        return null;
      }
      for (final JsonNode result : results) {
        final long nonce = EventFields.number(result.get(0));
        final String dispatch = EventFields.variantName(result.get(1));
        final String key = bridgeKey(lane, nonce);
        Draft draft = byKey.get(key);
        if (draft == null) {
          draft = open(key, "?bridge");
          draft.bridged = true;
        }
        final boolean ok = "Dispatched".equals(dispatch);
        final JourneyLeg leg =
            leg(
                JourneyLeg.Kind.BRIDGE_IN,
                Optional.empty(),
                "event/" + event.index() + "/" + nonce,
                event.qualifiedName(),
                Optional.of(ok ? "success" : "fail"),
                ok ? Optional.empty() : Optional.of(dispatch),
                Optional.empty());
        final boolean isNew = !draft.hasLeg(leg.key());
        addLeg(draft, leg);
        if (isNew) {
          if (!ok) {
            draft.failed = true;
            draft.error = Optional.of("bridge dispatch: " + dispatch);
          }
        }
        last = draft;
      }
      return last;
    }

    List<JourneyUpdate> finish() {
      final List<JourneyUpdate> updates = new ArrayList<>();
      for (final Draft draft : touched.values()) {
        draft.settle();
        final List<JourneyLeg> newLegs = added.getOrDefault(draft, List.of());
        final JourneyOutcome previous = before.get(draft);
        if (!newLegs.isEmpty() || previous != draft.outcome || rekeyed.contains(draft)) {
          updates.add(new JourneyUpdate(draft.snapshot(), newLegs, previous, merged));
        }
      }
      return updates;
    }
  }

  private static final String BRIDGE = "bridge";

  private static <T> void remember(final Map<String, List<T>> map, final String at, final T value) {
    map.computeIfAbsent(at, k -> new ArrayList<>()).add(value);
    trim(map);
  }

  private static void trim(final Map<String, ?> map) {
    while (map.size() > REMEMBERED_BLOCKS) {
      map.remove(map.keySet().iterator().next());
    }
  }

  static String bridgeKey(final String lane, final long nonce) {
    return "bridge:" + lane + ":" + nonce;
  }

  private String relayName(final String network) {
    for (final TrackedChain chain : chainsByName.values()) {
      if (chain.network().equals(network) && chain.isRelay()) {
        return chain.name();
      }
    }
    return network;
  }

  private String chainName(final String network, final int para) {
    for (final TrackedChain chain : chainsByName.values()) {
      if (chain.network().equals(network) && chain.paraId() == para) {
        return chain.name();
      }
    }
    return network + ":" + para;
  }

  // ---- state of one journey ----

  private static final class Draft {
    final String messageId;
    String origin;
    Optional<String> destination = Optional.empty();
    JourneyOutcome outcome = JourneyOutcome.PENDING;
    boolean bridged;
    boolean failed;
    Optional<String> error = Optional.empty();
    final Set<String> keys = new LinkedHashSet<>();
    final List<JourneyLeg> legs = new ArrayList<>();
    final Set<String> legKeys = new java.util.HashSet<>();
    long sentAt = -1;
    long updatedAt;

    Draft(final String messageId, final String origin) {
      this.messageId = messageId;
      this.origin = origin;
    }

    static Draft of(final Journey journey) {
      final Draft draft = new Draft(journey.messageId(), journey.origin());
      draft.destination = journey.destination();
      draft.outcome = journey.outcome();
      draft.bridged = journey.bridged();
      draft.error = journey.error();
      draft.keys.addAll(journey.keys());
      draft.keys.add(journey.messageId());
      journey.legs().forEach(draft::addLeg);
      draft.failed = journey.outcome() == JourneyOutcome.FAIL;
      draft.sentAt = journey.sentAtMillis();
      draft.updatedAt = journey.updatedAtMillis();
      return draft;
    }

    boolean hasLeg(final String key) {
      return legKeys.contains(key);
    }

    boolean addLeg(final JourneyLeg leg) {
      if (!legKeys.add(leg.key())) {
        return false;
      }
      legs.add(leg);
      return true;
    }

    /**
     * Failed once a step fails; succeeded when every send has a receipt on the chain it went to (a
     * send to an unknown chain takes any receipt no known send expects); else pending.
     */
    void settle() {
      final Map<String, Integer> expected = new HashMap<>();
      final Map<String, List<JourneyLeg>> got = new HashMap<>();
      final List<JourneyLeg> unknown = new ArrayList<>();
      boolean received = false;
      for (final JourneyLeg leg : legs) {
        switch (leg.kind()) {
          case SENT, BRIDGE_OUT -> {
            if (leg.to().isPresent()) {
              expected.merge(leg.to().get(), 1, Integer::sum);
            } else {
              unknown.add(leg);
            }
          }
          case RECEIVED -> {
            got.computeIfAbsent(leg.chain(), c -> new ArrayList<>()).add(leg);
            received = true;
          }
          case BRIDGE_IN -> got.computeIfAbsent(BRIDGE, c -> new ArrayList<>()).add(leg);
          default -> {}
        }
      }
      int missing = 0;
      final List<JourneyLeg> surplus = new ArrayList<>();
      for (final Map.Entry<String, Integer> entry : expected.entrySet()) {
        missing +=
            Math.max(0, entry.getValue() - got.getOrDefault(entry.getKey(), List.of()).size());
      }
      for (final Map.Entry<String, List<JourneyLeg>> entry : got.entrySet()) {
        final int skip = expected.getOrDefault(entry.getKey(), 0);
        final List<JourneyLeg> receipts = entry.getValue();
        for (int i = skip; i < receipts.size(); i++) {
          surplus.add(receipts.get(i));
        }
      }
      // A send to an unknown chain is answered by a later receipt elsewhere that no known send
      // expects.
      for (final JourneyLeg send : unknown) {
        final JourneyLeg answer =
            surplus.stream()
                .filter(r -> !r.chain().equals(send.chain()) && r.timeMillis() >= send.timeMillis())
                .findFirst()
                .orElse(null);
        if (answer == null) {
          missing++;
        } else {
          surplus.remove(answer);
        }
      }
      final boolean complete = missing == 0;
      if (failed) {
        outcome = JourneyOutcome.FAIL;
      } else if (complete && received) {
        outcome = JourneyOutcome.SUCCESS;
        error = Optional.empty();
      } else if (outcome != JourneyOutcome.TIMEOUT) {
        outcome = JourneyOutcome.PENDING;
      }
    }

    Journey snapshot() {
      return new Journey(
          messageId, origin, destination, outcome, bridged, error, keys, legs, sentAt, updatedAt);
    }
  }
}
