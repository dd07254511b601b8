package io.xrelay.relayer.xcm.transfer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xrelay.substrate.block.BlockHeader;
import io.xrelay.substrate.client.RpcSubscription;
import io.xrelay.substrate.client.SubstrateClient;
import io.xrelay.substrate.events.EventRecord;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the destination's finalized blocks (on the devnet, finalized is best) from before the
 * transfer is submitted, and finds the event that reports the processing of one message, by the ids
 * the destination may report for it ({@code XcmIds.candidateProcessedIds}: topic, forward id,
 * message hash). Deliberately small: the XCM tracker, which follows every message of every chain,
 * is the general form of this.
 *
 * <p>Events understood: {@code MessageQueue.Processed{id, success}} and {@code
 * MessageQueue.ProcessingFailed{id, error}} (relay chains, current parachains), {@code
 * DmpQueue.ExecutedDownward{message_hash, message_id, outcome}} (parachains before the message
 * queue, the devnet's Asset Hub), {@code XcmpQueue.Success/Fail}. Success flags do not prove the
 * beneficiary got anything (a rest below the existential deposit vanishes), so for a 32-byte
 * beneficiary a success without a {@code Balances.Deposit/Minted} to it counts as a failure. {@code
 * AssetsTrapped} events of the same message are reported with it.
 */
public final class DestinationOutcome {

  /** What became of the message on the destination. */
  public enum Outcome {
    SUCCESS,
    FAIL,
    TIMEOUT;

    public String lowerName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param block the destination block that processed the message, -1 on timeout
   * @param event {@code Pallet.Event} that reported it, empty on timeout
   * @param credited what {@code Balances} deposited to the beneficiary alongside, in planck
   * @param trapped each {@code AssetsTrapped} of the message, as text
   */
  public record Result(
      Outcome outcome,
      long block,
      String blockHash,
      String event,
      Optional<String> error,
      BigInteger credited,
      List<String> trapped) {
    public Result {
      trapped = List.copyOf(trapped);
    }
  }

  private record BlockEvents(long number, String hash, List<EventRecord> events) {}

  private final Vertx vertx;
  private final SubstrateClient client;
  private static final int READ_ATTEMPTS = 5;
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final List<BlockEvents> seen = new ArrayList<>();
  private final List<String> unreadBlocks = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Promise<Result> result = Promise.promise();
  private RpcSubscription subscription;
  private Future<Void> processing = Future.succeededFuture();
  private long lastNumber = -1;
  private Set<String> ids;
  private byte[] beneficiary;
  private long timer = -1;

  private DestinationOutcome(final Vertx vertx, final SubstrateClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Starts following the destination's blocks; call before submitting the transfer. */
  public static Future<DestinationOutcome> follow(final Vertx vertx, final SubstrateClient client) {
    final DestinationOutcome watcher = new DestinationOutcome(vertx, client);
    // Start from the head as it is now: a subscription's first notification may come only with
    // the next block, and the message could be in that one's predecessor.
    return client
        .finalizedHead()
        .compose(client::header)
        .compose(
            head -> {
              synchronized (watcher) {
                watcher.lastNumber = head.number() - 1;
              }
              return client.subscribeFinalizedHeads(watcher::onHead);
            })
        .map(
            created -> {
              synchronized (watcher) {
                watcher.subscription = created;
              }
              return watcher;
            });
  }

  /**
   * The outcome of the message the destination reports under one of {@code ids} (0x-hex), looking
   * in the blocks seen since {@link #follow} and after; {@code beneficiary} is the 32- or 20-byte
   * account that should be credited. Completes with {@link Outcome#TIMEOUT} after {@code timeout}.
   */
  public synchronized Future<Result> await(
      final Set<String> ids, final byte[] beneficiary, final Duration timeout) {
    this.ids = ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(toSet());
    this.beneficiary = beneficiary.clone();
    for (final BlockEvents block : seen) {
      if (match(block)) {
        return result.future();
      }
    }
    timer =
        vertx.setTimer(
            Math.max(1, timeout.toMillis()),
            t ->
                result.tryComplete(
                    new Result(
                        Outcome.TIMEOUT,
                        -1,
                        null,
                        "",
                        Optional.of(
                            "no processing of the message on the destination within "
                                + timeout.toSeconds()
                                + " s"
                                + (unreadBlocks.isEmpty()
                                    ? ""
                                    : "; destination blocks that could not be read: "
                                        + unreadBlocks)),
                        BigInteger.ZERO,
                        List.of())));
    return result.future();
  }

  /** Stops following; completes when the node confirmed the unsubscription. */
  public synchronized Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return subscription == null ? Future.succeededFuture() : subscription.unsubscribe();
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return java.util.stream.Collectors.toUnmodifiableSet();
  }

  // Heads are handled one after the other; a gap (several blocks in one notification interval) is
  // filled by number, so no block is skipped.
  private synchronized void onHead(final BlockHeader header) {
    final long from = lastNumber < 0 ? header.number() : lastNumber + 1;
    if (header.number() < from) {
      return;
    }
    lastNumber = header.number();
    for (long number = from; number <= header.number(); number++) {
      final long n = number;
      processing =
          processing
              .compose(v -> read(n, READ_ATTEMPTS))
              .map(
                  block -> {
                    onBlock(block);
                    return (Void) null;
                  })
              .recover(
                  error -> {
                    // The message may be in this block: say so rather than pass over it quietly.
                    unreadBlocks.add(n + " (" + error.getMessage() + ")");
                    return Future.succeededFuture();
                  });
    }
  }

  /** The events of block {@code number}; a loaded node may time out, so a read is retried. */
  private Future<BlockEvents> read(final long number, final int attempts) {
    final Future<BlockEvents> read =
        client
            .blockHash(number)
            .compose(
                hash -> client.events(hash).map(events -> new BlockEvents(number, hash, events)));
    if (attempts <= 1) {
      return read;
    }
    return read.recover(
        error -> {
          final Promise<Void> delay = Promise.promise();
          vertx.setTimer(RETRY_DELAY.toMillis(), t -> delay.complete());
          return delay.future().compose(v -> read(number, attempts - 1));
        });
  }

  private synchronized void onBlock(final BlockEvents block) {
    if (result.future().isComplete()) {
      return;
    }
    if (ids == null) {
      seen.add(block);
    } else {
      match(block);
    }
  }

  /** Completes the result when {@code block} processed the message. */
  private boolean match(final BlockEvents block) {
    final List<EventRecord> events = block.events();
    int previousProcessing = -1;
    for (int i = 0; i < events.size(); i++) {
      final EventRecord event = events.get(i);
      if (!isProcessing(event)) {
        continue;
      }
      if (reportsOurs(event)) {
        final List<EventRecord> alongside = new ArrayList<>();
        for (int j = previousProcessing + 1; j < i; j++) {
          if (events.get(j).phase() == event.phase()
              && events.get(j).extrinsicIndex() == event.extrinsicIndex()) {
            alongside.add(events.get(j));
          }
        }
        result.tryComplete(outcome(block, event, alongside));
        if (timer >= 0) {
          vertx.cancelTimer(timer);
        }
        return true;
      }
      previousProcessing = i;
    }
    return false;
  }

  private static boolean isProcessing(final EventRecord event) {
    return event.is("MessageQueue", "Processed")
        || event.is("MessageQueue", "ProcessingFailed")
        || event.is("DmpQueue", "ExecutedDownward")
        || event.is("XcmpQueue", "Success")
        || event.is("XcmpQueue", "Fail");
  }

  private boolean reportsOurs(final EventRecord event) {
    for (final String name : List.of("id", "message_id", "message_hash")) {
      final Optional<Value> value = event.fields().field(name);
      if (value.isPresent()
          && Value.unwrapNewtypes(value.get()) instanceof Value.Bytes bytes
          && ids.contains(bytes.hex().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private Result outcome(
      final BlockEvents block, final EventRecord event, final List<EventRecord> alongside) {
    Optional<String> error = Optional.empty();
    if (event.is("MessageQueue", "Processed")) {
      final boolean success =
          event.fields().field("success").orElse(null) instanceof Value.Bool flag && flag.value();
      if (!success) {
        error =
            Optional.of(
                "the message failed to execute (MessageQueue.Processed success=false; the"
                    + " event carries no reason)");
      }
    } else if (event.is("MessageQueue", "ProcessingFailed") || event.is("XcmpQueue", "Fail")) {
      error =
          Optional.of(
              event.qualifiedName()
                  + ": "
                  + event.fields().field("error").map(ValueText::of).orElse("no reason given"));
    } else if (event.is("DmpQueue", "ExecutedDownward")) {
      final Value outcome =
          event
              .fields()
              .field("outcome")
              .orElse(
                  event.fields().size() > 0 ? event.fields().get(event.fields().size() - 1) : null);
      if (outcome instanceof Value.Variant variant && !variant.name().equals("Complete")) {
        final Value.Composite fields = variant.fields();
        error =
            Optional.of(
                "XCM outcome "
                    + variant.name()
                    + ": "
                    + (fields.size() > 0 ? ValueText.of(fields.get(fields.size() - 1)) : ""));
      }
    }
    BigInteger credited = BigInteger.ZERO;
    final List<String> trapped = new ArrayList<>();
    for (final EventRecord other : alongside) {
      if (other.name().equals("AssetsTrapped")) {
        trapped.add(
            other.fields().field("assets").map(ValueText::of).orElse(ValueText.of(other.fields())));
      }
      if ((other.is("Balances", "Deposit") || other.is("Balances", "Minted"))
          && Value.unwrapNewtypes(other.fields().field("who").orElse(Value.Composite.EMPTY))
              instanceof Value.Bytes account
          && Arrays.equals(account.bytes(), beneficiary)
          && other.fields().field("amount").orElse(null) instanceof Value.Int amount) {
        credited = credited.add(amount.value());
      }
    }
    if (error.isEmpty() && beneficiary.length == 32 && credited.signum() == 0) {
      error =
          Optional.of(
              "executed, but nothing was deposited to the beneficiary: what was left after"
                  + " fees is likely below the destination's existential deposit");
    }
    return new Result(
        error.isEmpty() ? Outcome.SUCCESS : Outcome.FAIL,
        block.number(),
        block.hash(),
        event.qualifiedName(),
        error,
        credited,
        trapped);
  }
}
