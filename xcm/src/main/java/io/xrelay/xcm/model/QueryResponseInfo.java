package io.xrelay.xcm.model;

/** {@code QueryResponseInfo}: where and how to report; {@code queryId} is a u64 in a long. */
public record QueryResponseInfo(Location destination, long queryId, Weight maxWeight) {}
