package io.xrelay.substrate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.substrate.metadata.MetadataFixturesAccess;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event records built in the shapes of the real Kusama local runtime (the devnet's), encoded
 * through its metadata and decoded back as a node would serve them.
 */
class SystemEventsTest {
  private static final RuntimeMetadata KUSAMA_LOCAL =
      MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
  private static final Value ALICE =
      Value.tuple(Value.hex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"));
  private static final Value BOB =
      Value.tuple(Value.hex("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"));

  @Test
  void shouldDecodeEventRecordsWithPhasesFieldsAndTopics() {
    final byte[] events =
        encodeEvents(
            record(
                Value.variant("ApplyExtrinsic", Value.of(2)),
                Value.variant(
                    "Balances",
                    Value.variant(
                        "Transfer",
                        Value.named(
                            "from",
                            ALICE,
                            "to",
                            BOB,
                            "amount",
                            Value.of(new BigInteger("1000000000000"))))),
                List.of(Value.hex("0x" + "ab".repeat(32)))),
            record(
                Value.variant("ApplyExtrinsic", Value.of(2)),
                Value.variant(
                    "System",
                    Value.variant(
                        "ExtrinsicSuccess",
                        Value.named(
                            "dispatch_info",
                            Value.named(
                                "weight",
                                    Value.named(
                                        "ref_time",
                                        Value.of(125_000_000),
                                        "proof_size",
                                        Value.of(3593)),
                                "class", Value.variant("Normal"),
                                "pays_fee", Value.variant("Yes"))))),
                List.of()),
            record(
                Value.variant("Finalization"),
                Value.variant(
                    "Balances",
                    Value.variant("Deposit", Value.named("who", BOB, "amount", Value.of(7)))),
                List.of()));

    final List<EventRecord> decoded = new SystemEvents(KUSAMA_LOCAL).decode(events);

    assertThat(decoded)
        .extracting(EventRecord::qualifiedName)
        .containsExactly("Balances.Transfer", "System.ExtrinsicSuccess", "Balances.Deposit");
    final EventRecord transfer = decoded.get(0);
    assertThat(transfer.phase()).isEqualTo(EventRecord.Phase.APPLY_EXTRINSIC);
    assertThat(transfer.extrinsicIndex()).isEqualTo(2);
    assertThat(transfer.palletIndex())
        .isEqualTo(KUSAMA_LOCAL.pallet("Balances").orElseThrow().index());
    assertThat(transfer.fields().require("amount"))
        .isEqualTo(Value.of(new BigInteger("1000000000000")));
    assertThat(transfer.fields().require("to")).isEqualTo(BOB);
    assertThat(transfer.topics()).containsExactly("0x" + "ab".repeat(32));
    assertThat(decoded.get(1).fields().require("dispatch_info"))
        .isInstanceOf(Value.Composite.class);
    assertThat(decoded.get(2).phase()).isEqualTo(EventRecord.Phase.FINALIZATION);
    assertThat(decoded.get(2).extrinsicIndex()).isEqualTo(-1);
  }

  @Test
  void shouldRejectTruncatedOrPaddedEvents() {
    final byte[] events =
        encodeEvents(
            record(
                Value.variant("Initialization"),
                Value.variant(
                    "Balances",
                    Value.variant("Deposit", Value.named("who", BOB, "amount", Value.of(7)))),
                List.of()));
    final SystemEvents systemEvents = new SystemEvents(KUSAMA_LOCAL);
    assertThat(systemEvents.decode(events)).hasSize(1);
    assertThatThrownBy(() -> systemEvents.decode(Arrays.copyOf(events, events.length - 1)))
        .isInstanceOf(ScaleDecodeException.class);
    assertThatThrownBy(() -> systemEvents.decode(Arrays.copyOf(events, events.length + 1)))
        .isInstanceOf(ScaleDecodeException.class)
        .hasMessageContaining("left over");
  }

  private static Value record(final Value phase, final Value event, final List<Value> topics) {
    return Value.named("phase", phase, "event", event, "topics", Value.sequence(topics));
  }

  private static byte[] encodeEvents(final Value... records) {
    final int type =
        KUSAMA_LOCAL
            .pallet("System")
            .orElseThrow()
            .storageEntry("Events")
            .orElseThrow()
            .valueType();
    return new ValueCodec(KUSAMA_LOCAL.types()).encode(type, Value.sequence(List.of(records)));
  }
}
