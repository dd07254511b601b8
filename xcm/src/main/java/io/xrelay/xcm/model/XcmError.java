package io.xrelay.xcm.model;

/**
 * The XCM executor's {@code Error}. V3 and V4 share one list (indices 0..39); v5 inserts {@code
 * TooManyAssets} at 35 and shifts the five after it by one. {@link Kind} knows both indices.
 */
public sealed interface XcmError {
  Kind kind();

  /** The kinds of error, with their v3/v4 and v5 variant indices ({@code -1}: absent). */
  enum Kind {
    OVERFLOW("Overflow", 0, 0),
    UNIMPLEMENTED("Unimplemented", 1, 1),
    UNTRUSTED_RESERVE_LOCATION("UntrustedReserveLocation", 2, 2),
    UNTRUSTED_TELEPORT_LOCATION("UntrustedTeleportLocation", 3, 3),
    LOCATION_FULL("LocationFull", 4, 4),
    LOCATION_NOT_INVERTIBLE("LocationNotInvertible", 5, 5),
    BAD_ORIGIN("BadOrigin", 6, 6),
    INVALID_LOCATION("InvalidLocation", 7, 7),
    ASSET_NOT_FOUND("AssetNotFound", 8, 8),
    FAILED_TO_TRANSACT_ASSET("FailedToTransactAsset", 9, 9),
    NOT_WITHDRAWABLE("NotWithdrawable", 10, 10),
    LOCATION_CANNOT_HOLD("LocationCannotHold", 11, 11),
    EXCEEDS_MAX_MESSAGE_SIZE("ExceedsMaxMessageSize", 12, 12),
    DESTINATION_UNSUPPORTED("DestinationUnsupported", 13, 13),
    TRANSPORT("Transport", 14, 14),
    UNROUTABLE("Unroutable", 15, 15),
    UNKNOWN_CLAIM("UnknownClaim", 16, 16),
    FAILED_TO_DECODE("FailedToDecode", 17, 17),
    MAX_WEIGHT_INVALID("MaxWeightInvalid", 18, 18),
    NOT_HOLDING_FEES("NotHoldingFees", 19, 19),
    TOO_EXPENSIVE("TooExpensive", 20, 20),
    TRAP("Trap", 21, 21),
    EXPECTATION_FALSE("ExpectationFalse", 22, 22),
    PALLET_NOT_FOUND("PalletNotFound", 23, 23),
    NAME_MISMATCH("NameMismatch", 24, 24),
    VERSION_INCOMPATIBLE("VersionIncompatible", 25, 25),
    HOLDING_WOULD_OVERFLOW("HoldingWouldOverflow", 26, 26),
    EXPORT_ERROR("ExportError", 27, 27),
    REANCHOR_FAILED("ReanchorFailed", 28, 28),
    NO_DEAL("NoDeal", 29, 29),
    FEES_NOT_MET("FeesNotMet", 30, 30),
    LOCK_ERROR("LockError", 31, 31),
    NO_PERMISSION("NoPermission", 32, 32),
    UNANCHORED("Unanchored", 33, 33),
    NOT_DEPOSITABLE("NotDepositable", 34, 34),
    TOO_MANY_ASSETS("TooManyAssets", -1, 35),
    UNHANDLED_XCM_VERSION("UnhandledXcmVersion", 35, 36),
    WEIGHT_LIMIT_REACHED("WeightLimitReached", 36, 37),
    BARRIER("Barrier", 37, 38),
    WEIGHT_NOT_COMPUTABLE("WeightNotComputable", 38, 39),
    EXCEEDS_STACK_LIMIT("ExceedsStackLimit", 39, 40);

    private static final Kind[] BY_V3_INDEX = new Kind[40];
    private static final Kind[] BY_V5_INDEX = new Kind[41];

    static {
      for (final Kind kind : values()) {
        if (kind.v3Index >= 0) {
          BY_V3_INDEX[kind.v3Index] = kind;
        }
        BY_V5_INDEX[kind.v5Index] = kind;
      }
    }

    private final String variantName;
    private final int v3Index;
    private final int v5Index;

    Kind(final String variantName, final int v3Index, final int v5Index) {
      this.variantName = variantName;
      this.v3Index = v3Index;
      this.v5Index = v5Index;
    }

    public String variantName() {
      return variantName;
    }

    /** The index in v3 and v4, or {@code -1} when those versions lack this kind. */
    public int v3Index() {
      return v3Index;
    }

    public int v5Index() {
      return v5Index;
    }

    /** The kind at {@code index} in v3/v4 ({@code v5 == false}) or v5, or {@code null}. */
    public static Kind byIndex(final int index, final boolean v5) {
      final Kind[] table = v5 ? BY_V5_INDEX : BY_V3_INDEX;
      return index >= 0 && index < table.length ? table[index] : null;
    }

    public static Kind byName(final String name) {
      for (final Kind kind : values()) {
        if (kind.variantName.equals(name)) {
          return kind;
        }
      }
      return null;
    }
  }

  /** Every kind that carries no data. */
  record Simple(Kind kind) implements XcmError {
    public Simple {
      if (kind == Kind.TRAP || kind == Kind.WEIGHT_LIMIT_REACHED) {
        throw new IllegalArgumentException(kind.variantName() + " carries data");
      }
    }
  }

  /** {@code Trap(u64)}: the code is a fixed-width u64 in a {@code long}'s bits. */
  record Trap(long code) implements XcmError {
    @Override
    public Kind kind() {
      return Kind.TRAP;
    }
  }

  record WeightLimitReached(Weight weight) implements XcmError {
    @Override
    public Kind kind() {
      return Kind.WEIGHT_LIMIT_REACHED;
    }
  }
}
