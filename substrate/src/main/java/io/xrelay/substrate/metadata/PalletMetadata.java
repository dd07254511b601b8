package io.xrelay.substrate.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pallet. {@code callType}, {@code eventType} and {@code errorType} are -1 when the pallet has
 * none; {@code storagePrefix} is null when it has no storage. Variant deprecations (V16) map a
 * call, event or error variant index to its status.
 */
public record PalletMetadata(
    String name,
    int index,
    String storagePrefix,
    List<StorageEntry> storage,
    int callType,
    int eventType,
    int errorType,
    List<PalletConstant> constants,
    List<AssociatedType> associatedTypes,
    List<ViewFunction> viewFunctions,
    List<String> docs,
    Deprecation deprecation,
    Map<Integer, Deprecation> deprecatedCalls,
    Map<Integer, Deprecation> deprecatedEvents,
    Map<Integer, Deprecation> deprecatedErrors) {

  /** A type the pallet's {@code Config} names (V16). */
  public record AssociatedType(String name, int type, List<String> docs) {}

  /** A pallet view function (V16): a read-only query callable through the runtime API. */
  public record ViewFunction(
      byte[] id,
      String name,
      List<Parameter> inputs,
      int outputType,
      List<String> docs,
      Deprecation deprecation) {}

  /** A named parameter of a runtime API method or view function. */
  public record Parameter(String name, int type) {}

  public boolean hasCalls() {
    return callType >= 0;
  }

  public boolean hasEvents() {
    return eventType >= 0;
  }

  public boolean hasErrors() {
    return errorType >= 0;
  }

  public Optional<StorageEntry> storageEntry(final String entryName) {
    return storage.stream().filter(entry -> entry.name().equals(entryName)).findFirst();
  }

  public Optional<PalletConstant> constant(final String constantName) {
    return constants.stream().filter(constant -> constant.name().equals(constantName)).findFirst();
  }
}
