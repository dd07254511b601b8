package io.xrelay.substrate.events;

import io.xrelay.scale.ScaleDecodeException;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.metadata.PalletMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.StorageEntry;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the {@code System.Events} storage value of a block into {@link EventRecord}s, using the
 * metadata of the runtime that produced the block.
 */
public final class SystemEvents {
  private final ValueCodec codec;
  private final int eventsType;

  public SystemEvents(final RuntimeMetadata metadata) {
    this(metadata, new ValueCodec(metadata.types()));
  }

  public SystemEvents(final RuntimeMetadata metadata, final ValueCodec codec) {
    final PalletMetadata system =
        metadata
            .pallet("System")
            .orElseThrow(() -> new IllegalArgumentException("the metadata has no System pallet"));
    final StorageEntry events =
        system
            .storageEntry("Events")
            .orElseThrow(() -> new IllegalArgumentException("System has no Events storage"));
    this.codec = codec;
    this.eventsType = events.valueType();
  }

  /**
   * @throws ScaleDecodeException when the bytes are not this runtime's {@code Vec<EventRecord>}
   */
  public List<EventRecord> decode(final byte[] storageValue) {
    final ScaleReader reader = ScaleReader.of(storageValue);
    final Value decoded = codec.decode(eventsType, reader);
    reader.requireEnd("System.Events");
    if (!(decoded instanceof Value.Sequence sequence)) {
      throw new ScaleDecodeException(0, "System.Events", "is not a sequence in this metadata");
    }
    final List<EventRecord> records = new ArrayList<>(sequence.items().size());
    for (int i = 0; i < sequence.items().size(); i++) {
      records.add(toRecord(i, sequence.items().get(i)));
    }
    return records;
  }

  private static EventRecord toRecord(final int position, final Value value) {
    final Value.Composite record = requireShape(value, Value.Composite.class, position, "record");
    final Value.Variant phase =
        requireShape(record.require("phase"), Value.Variant.class, position, "phase");
    final Value.Variant pallet =
        requireShape(record.require("event"), Value.Variant.class, position, "event");
    final Value.Variant event =
        requireShape(
            pallet.fields().size() == 1 ? pallet.fields().get(0) : null,
            Value.Variant.class,
            position,
            "pallet event");
    final List<String> topics = new ArrayList<>();
    for (final Value topic :
        requireShape(record.require("topics"), Value.Sequence.class, position, "topics").items()) {
      topics.add(
          requireShape(Value.unwrapNewtypes(topic), Value.Bytes.class, position, "topic").hex());
    }
    final EventRecord.Phase kind =
        switch (phase.name()) {
          case "ApplyExtrinsic" -> EventRecord.Phase.APPLY_EXTRINSIC;
          case "Finalization" -> EventRecord.Phase.FINALIZATION;
          case "Initialization" -> EventRecord.Phase.INITIALIZATION;
          default ->
              throw new ScaleDecodeException(
                  0, "System.Events", "event " + position + " has unknown phase " + phase.name());
        };
    final long extrinsicIndex =
        kind == EventRecord.Phase.APPLY_EXTRINSIC
            ? ((Value.Int) phase.fields().get(0)).longValue()
            : -1;
    return new EventRecord(
        kind,
        extrinsicIndex,
        pallet.name(),
        pallet.index(),
        event.name(),
        event.index(),
        event.fields(),
        List.copyOf(topics));
  }

  private static <T extends Value> T requireShape(
      final Value value, final Class<T> kind, final int position, final String what) {
    if (kind.isInstance(value)) {
      return kind.cast(value);
    }
    throw new ScaleDecodeException(
        0, "System.Events", "event " + position + ": " + what + " has an unexpected shape");
  }
}
