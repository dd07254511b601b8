package io.xrelay.relayer.xcm.transfer;

import io.vertx.core.Future;
import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.client.JsonRpcClient;
import io.xrelay.substrate.client.RpcException;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeApiMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import io.xrelay.xcm.XcmVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a runtime that offers them says about a transfer before it is submitted: {@code
 * DryRunApi.dry_run_call} (does the call succeed, which messages does it send) and {@code
 * XcmPaymentApi.query_delivery_fees} for each message sent. Both are typed by the runtime's
 * metadata V15 (the API list is not in V14), fetched with {@code Metadata_metadata_at_version(15)}.
 */
public final class XcmPreflight {
  /** The dry run's verdict, the fees it could learn, and the messages the call would send. */
  public record DryRun(Optional<String> error, List<String> deliveryFees, int forwardedMessages) {
    public DryRun {
      deliveryFees = List.copyOf(deliveryFees);
    }
  }

  private final RuntimeMetadata metadata;
  private final ValueCodec codec;

  public XcmPreflight(final RuntimeMetadata metadataV15) {
    this.metadata = metadataV15;
    this.codec = new ValueCodec(metadataV15.types());
  }

  /** The runtime's metadata V15, whose API list types the runtime calls. */
  public static Future<RuntimeMetadata> metadataV15(final JsonRpcClient rpc) {
    return rpc.call("state_call", "Metadata_metadata_at_version", "0x0f000000")
        .map(
            result -> {
              if (!(result instanceof String hex)) {
                throw new RpcException(
                    RpcException.Kind.BAD_RESPONSE, "state_call", "expected hex metadata");
              }
              return MetadataDecoder.decodeHex(hex);
            });
  }

  /**
   * The SCALE input of {@code dry_run_call(origin, call[, result_xcms_version])} for a call signed
   * by {@code account}: {@code OriginCaller::system(RawOrigin::Signed(account))}.
   */
  public byte[] dryRunCallInput(
      final byte[] account, final byte[] callData, final XcmVersion version) {
    final RuntimeApiMetadata.Method method = method("DryRunApi", "dry_run_call");
    final ScaleWriter input = new ScaleWriter(callData.length + 64);
    codec.encode(
        method.inputs().get(0).type(),
        Value.variant("system", Value.variant("Signed", Value.bytes(account))),
        input);
    input.writeBytes(callData);
    if (method.inputs().size() > 2) {
      input.writeU32(version.number());
    }
    return input.toByteArray();
  }

  /** Runs the dry run, then asks the delivery fee of each message it would send. */
  public Future<DryRun> dryRun(
      final JsonRpcClient rpc,
      final byte[] account,
      final byte[] callData,
      final XcmVersion version) {
    return stateCall(rpc, "DryRunApi", "dry_run_call", dryRunCallInput(account, callData, version))
        .compose(
            output -> {
              final Optional<String> failure = failure(output);
              if (failure.isPresent()) {
                return Future.succeededFuture(new DryRun(failure, List.of(), 0));
              }
              final List<Value> forwarded = forwarded(output);
              return deliveryFees(rpc, forwarded)
                  .map(fees -> new DryRun(Optional.empty(), fees, countMessages(forwarded)));
            });
  }

  /**
   * Why a {@code dry_run_call} output says the call would fail: the runtime refused to run it
   * ({@code Err(XcmDryRunApiError)}) or the call's dispatch failed ({@code execution_result: Err});
   * empty when it would succeed.
   */
  static Optional<String> failure(final Value output) {
    final Value.Variant result = (Value.Variant) output;
    if (!result.name().equals("Ok")) {
      return Optional.of("the runtime refused the dry run: " + ValueText.of(result));
    }
    final Value execution = effects(result).require("execution_result");
    if (execution instanceof Value.Variant outcome && !outcome.name().equals("Ok")) {
      final Value error =
          Value.unwrapNewtypes(outcome.fields()) instanceof Value.Composite withInfo
                  && withInfo.field("error").isPresent()
              ? withInfo.require("error")
              : outcome.fields();
      return Optional.of("the call would fail: " + ValueText.of(error));
    }
    return Optional.empty();
  }

  /** {@code forwarded_xcms}: (destination, messages) pairs. */
  static List<Value> forwarded(final Value output) {
    return ((Value.Sequence) effects((Value.Variant) output).require("forwarded_xcms")).items();
  }

  private static Value.Composite effects(final Value.Variant ok) {
    return (Value.Composite) Value.unwrapNewtypes(ok.fields());
  }

  private Future<List<String>> deliveryFees(final JsonRpcClient rpc, final List<Value> forwarded) {
    if (metadata.api("XcmPaymentApi").isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    final RuntimeApiMetadata.Method method = method("XcmPaymentApi", "query_delivery_fees");
    Future<List<String>> fees = Future.succeededFuture(new ArrayList<>());
    for (final Value entry : forwarded) {
      final Value.Composite pair = (Value.Composite) entry;
      final Value destination = pair.get(0);
      for (final Value message : ((Value.Sequence) pair.get(1)).items()) {
        final ScaleWriter input = new ScaleWriter();
        codec.encode(method.inputs().get(0).type(), destination, input);
        codec.encode(method.inputs().get(1).type(), message, input);
        fees =
            fees.compose(
                list ->
                    stateCall(rpc, "XcmPaymentApi", "query_delivery_fees", input.toByteArray())
                        .map(
                            fee -> {
                              list.add(ValueText.of(destination) + ": " + ValueText.of(fee));
                              return list;
                            }));
      }
    }
    return fees;
  }

  private static int countMessages(final List<Value> forwarded) {
    int count = 0;
    for (final Value entry : forwarded) {
      count += ((Value.Sequence) ((Value.Composite) entry).get(1)).items().size();
    }
    return count;
  }

  private Future<Value> stateCall(
      final JsonRpcClient rpc, final String api, final String methodName, final byte[] input) {
    final RuntimeApiMetadata.Method method = method(api, methodName);
    return rpc.call("state_call", api + "_" + methodName, Hex.encode(input))
        .map(
            result -> {
              if (!(result instanceof String hex)) {
                throw new RpcException(
                    RpcException.Kind.BAD_RESPONSE, "state_call", "expected hex output");
              }
              return readOutput(method, Hex.decode(hex));
            });
  }

  /** Decodes an API method's output with its type from the metadata. */
  Value readOutput(final RuntimeApiMetadata.Method method, final byte[] output) {
    return codec.decode(method.outputType(), output);
  }

  RuntimeApiMetadata.Method method(final String api, final String name) {
    return metadata
        .api(api)
        .flatMap(found -> found.methods().stream().filter(m -> m.name().equals(name)).findFirst())
        .orElseThrow(
            () -> new IllegalStateException("the runtime's metadata has no " + api + "." + name));
  }
}
