package io.xrelay.ethereum.revert;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * Decodes revert data: {@code Error(string)}, {@code Panic(uint256)} and the custom errors it was
 * given. Never throws: data that does not decode is {@link RevertReason.Unrecognized}.
 */
public final class RevertDecoder {
  private static final CustomErrorType ERROR = CustomErrorType.of("Error", "string");
  private static final CustomErrorType PANIC = CustomErrorType.of("Panic", "uint256");

  private final Map<ByteBuffer, CustomErrorType> bySelector = new HashMap<>();

  private RevertDecoder(final List<CustomErrorType> customErrors) {
    for (final CustomErrorType error : customErrors) {
      final CustomErrorType previous = bySelector.put(ByteBuffer.wrap(error.selector()), error);
      if (previous != null && !previous.equals(error)) {
        throw new IllegalArgumentException(
            previous.signature() + " and " + error.signature() + " share a selector");
      }
    }
  }

  public static RevertDecoder of(final List<CustomErrorType> customErrors) {
    return new RevertDecoder(customErrors);
  }

  public RevertReason decode(final byte[] data) {
    if (data.length == 0) {
      return new RevertReason.Empty();
    }
    if (data.length < 4) {
      return new RevertReason.Unrecognized(data);
    }
    final byte[] selector = Arrays.copyOf(data, 4);
    final String arguments = Numeric.toHexString(Arrays.copyOfRange(data, 4, data.length));
    try {
      if (Arrays.equals(selector, ERROR.selector())) {
        final List<Type> values = decodeArguments(arguments, ERROR);
        return new RevertReason.ErrorMessage((String) values.get(0).getValue());
      }
      if (Arrays.equals(selector, PANIC.selector())) {
        final List<Type> values = decodeArguments(arguments, PANIC);
        return new RevertReason.Panic((BigInteger) values.get(0).getValue());
      }
      final CustomErrorType custom = bySelector.get(ByteBuffer.wrap(selector));
      if (custom == null) {
        return new RevertReason.Unrecognized(data);
      }
      final List<Type> values = decodeArguments(arguments, custom);
      final List<String> rendered = new ArrayList<>();
      for (final Type value : values) {
        rendered.add(render(value));
      }
      return new RevertReason.CustomError(
          custom.name(), Numeric.toHexString(custom.selector()), rendered);
    } catch (RuntimeException e) {
      // web3j throws assorted runtime exceptions on truncated or malformed data.
      return new RevertReason.Unrecognized(data);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> decodeArguments(final String hex, final CustomErrorType error) {
    final List<TypeReference<Type>> types = new ArrayList<>();
    for (final String type : error.parameterTypes()) {
      try {
        types.add((TypeReference) TypeReference.makeTypeReference(type));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("unsupported type " + type + " in " + error.signature());
      }
    }
    final List<Type> values = FunctionReturnDecoder.decode(hex, types);
    if (values.size() != types.size()) {
      throw new IllegalArgumentException("data does not hold " + error.signature());
    }
    return values;
  }

  private static String render(final Type<?> value) {
    final Object raw = value.getValue();
    if (raw instanceof byte[]) {
      return Numeric.toHexString((byte[]) raw);
    }
    return String.valueOf(raw);
  }
}
