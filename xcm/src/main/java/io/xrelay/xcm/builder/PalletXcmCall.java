package io.xrelay.xcm.builder;

import io.xrelay.xcm.model.Bytes;
import java.util.Optional;

/**
 * An encoded pallet-xcm call, ready to go into an extrinsic: {@code callData} starts with the
 * pallet and call indices. {@code topic} is the {@code SetTopic} id the builder appended, which the
 * destination reports in {@code MessageQueue.Processed} (see {@link io.xrelay.xcm.id.XcmIds}).
 */
public record PalletXcmCall(String name, Bytes callData, Optional<Bytes> topic) {}
