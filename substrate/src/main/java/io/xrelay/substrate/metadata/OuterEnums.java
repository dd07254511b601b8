package io.xrelay.substrate.metadata;

/**
 * Type ids of the runtime's outer {@code RuntimeCall}, {@code RuntimeEvent} and error enums (V15+).
 */
public record OuterEnums(int callType, int eventType, int errorType) {}
