/**
 * The V3, V4 and V5 XCM types in one model. The three versions share almost all of their wire
 * format; where they differ the codec, not the model, knows it: V3 tags asset ids ({@link
 * io.xrelay.xcm.model.AssetId.Abstract} exists only there), V5 drops the test networks and has a
 * weightless {@code Transact} and four more instructions, V5 inserts {@code TooManyAssets} into the
 * error list. Every record checks the ranges of its wire types (u8, u32, u128, array lengths) and
 * the bounds the runtimes decode with.
 */
package io.xrelay.xcm.model;
