/**
 * XCM for a relayer and for parachain teams: a plain library (no Vert.x, no I/O) on top of {@code
 * scale} and {@code crypto}.
 *
 * <ul>
 *   <li>{@link io.xrelay.xcm.model}: one model for V3, V4 and V5 (records and sealed interfaces,
 *       variant names and indices as in the runtime metadata); {@link io.xrelay.xcm.v2} keeps
 *       legacy V2 apart, read-only.
 *   <li>{@link io.xrelay.xcm.codec}: {@code XcmCodec} decodes and encodes {@code VersionedXcm},
 *       {@code VersionedLocation}, {@code VersionedAssets} and {@code VersionedAssetId} straight
 *       between bytes and the model, with the decode limits of the runtimes; every malformed input
 *       raises {@link io.xrelay.scale.ScaleDecodeException} naming the offset, type and path.
 *   <li>{@link io.xrelay.xcm.convert}: V3/V4/V5 conversion that loses nothing or fails with {@link
 *       io.xrelay.xcm.XcmConversionException}.
 *   <li>{@link io.xrelay.xcm.json}: the readable JSON form (shape documented on {@code XcmJson}).
 *   <li>{@link io.xrelay.xcm.id}: message hash, {@code SetTopic} id and {@code forward_id_for}.
 *   <li>{@link io.xrelay.xcm.framing}: XCMP pages, UMP and DMP payloads.
 *   <li>{@link io.xrelay.xcm.builder}: pallet-xcm transfer calls for a given runtime.
 * </ul>
 */
package io.xrelay.xcm;
