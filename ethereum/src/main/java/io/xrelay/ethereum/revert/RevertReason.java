package io.xrelay.ethereum.revert;

import java.math.BigInteger;
import java.util.List;
import org.web3j.utils.Numeric;

/** Why a call or transaction reverted, decoded from its revert data. */
public sealed interface RevertReason {

  /** One line for logs, metrics labels (the {@link #kind}) and dead-letter reasons. */
  String describe();

  /** A short, low-cardinality name: the error's name, {@code Error}, {@code Panic}, ... */
  String kind();

  /** {@code revert()} or {@code require(cond)} without a message: no data at all. */
  record Empty() implements RevertReason {
    @Override
    public String describe() {
      return "reverted without a reason";
    }

    @Override
    public String kind() {
      return "Empty";
    }
  }

  /** {@code Error(string)}: {@code require(cond, "message")} or {@code revert("message")}. */
  record ErrorMessage(String message) implements RevertReason {
    @Override
    public String describe() {
      return "Error(\"" + message + "\")";
    }

    @Override
    public String kind() {
      return "Error";
    }
  }

  /** {@code Panic(uint256)}: a failed assert, an overflow, a division by zero, a bad index. */
  record Panic(BigInteger code) implements RevertReason {
    @Override
    public String describe() {
      return "Panic(0x" + code.toString(16) + ": " + meaning() + ")";
    }

    @Override
    public String kind() {
      return "Panic";
    }

    /** The Solidity documentation's meaning of the code. */
    public String meaning() {
      return switch (code.intValue()) {
        case 0x00 -> "generic compiler panic";
        case 0x01 -> "assertion failed";
        case 0x11 -> "arithmetic overflow or underflow";
        case 0x12 -> "division or modulo by zero";
        case 0x21 -> "invalid enum value";
        case 0x22 -> "invalid storage byte array encoding";
        case 0x31 -> "pop on an empty array";
        case 0x32 -> "array index out of bounds";
        case 0x41 -> "out of memory";
        case 0x51 -> "call to an uninitialised function";
        default -> "unknown panic code";
      };
    }
  }

  /** A Solidity custom error the decoder knows, with its arguments rendered as text. */
  record CustomError(String name, String selector, List<String> arguments) implements RevertReason {
    public CustomError {
      arguments = List.copyOf(arguments);
    }

    @Override
    public String describe() {
      return name + "(" + String.join(", ", arguments) + ")";
    }

    @Override
    public String kind() {
      return name;
    }
  }

  /** Revert data no known error matches (or that does not decode as the error it names). */
  record Unrecognized(byte[] data) implements RevertReason {
    public Unrecognized {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public String describe() {
      final String hex = Numeric.toHexString(data);
      return "unrecognised revert data " + (hex.length() > 74 ? hex.substring(0, 74) + "..." : hex);
    }

    @Override
    public String kind() {
      return "Unrecognized";
    }
  }
}
