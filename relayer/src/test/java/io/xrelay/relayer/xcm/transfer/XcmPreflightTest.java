package io.xrelay.relayer.xcm.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.scale.Hex;
import io.xrelay.scale.ScaleReader;
import io.xrelay.substrate.metadata.MetadataDecoder;
import io.xrelay.substrate.metadata.RuntimeApiMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import io.xrelay.testing.SharedFixtures;
import io.xrelay.xcm.builder.Chain;
import io.xrelay.xcm.model.Asset;
import io.xrelay.xcm.model.Location;
import io.xrelay.xcm.model.NetworkId;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dry run's input and output as current Kusama's metadata V15 types them (the devnet's runtimes
 * have no DryRunApi, so this is where its encoding is checked).
 */
class XcmPreflightTest {
  private static final byte[] ALICE =
      Hex.decode("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");

  private final RuntimeMetadata kusama =
      MetadataDecoder.decode(SharedFixtures.read("metadata/kusama-v15-spec1009002.scale"));
  private final XcmPreflight preflight = new XcmPreflight(kusama);

  @Test
  void shouldEncodeASignedOriginTheCallAndTheResultVersion() {
    final Chain relay = Chain.relay(NetworkId.KUSAMA);
    final TransferCallPlanner.PlannedCall planned =
        TransferCallPlanner.plan(
            kusama,
            relay,
            relay.assetHub(),
            Asset.fungible(Location.HERE, BigInteger.TEN.pow(12)),
            new Beneficiary(ALICE).location(),
            Optional.empty());
    final byte[] call = planned.call().callData().toArray();

    final byte[] input = preflight.dryRunCallInput(ALICE, call, planned.version());

    final RuntimeApiMetadata.Method method = preflight.method("DryRunApi", "dry_run_call");
    final ValueCodec codec = new ValueCodec(kusama.types());
    final ScaleReader reader = ScaleReader.of(input);
    final Value.Variant origin =
        (Value.Variant) codec.decode(method.inputs().get(0).type(), reader);
    assertThat(origin.name()).isEqualTo("system");
    final Value.Variant signed = (Value.Variant) origin.fields().get(0);
    assertThat(signed.name()).isEqualTo("Signed");
    assertThat(Value.unwrapNewtypes(signed.fields())).isEqualTo(Value.bytes(ALICE));
    assertThat(reader.readBytes(call.length)).isEqualTo(call);
    assertThat(reader.readU32()).isEqualTo(planned.version().number());
    assertThat(reader.remaining()).isZero();
  }

  @Test
  void shouldReadASuccessfulDryRunAndAFailingOne() {
    final RuntimeApiMetadata.Method method = preflight.method("DryRunApi", "dry_run_call");
    // Ok(CallDryRunEffects{execution_result: Ok(PostDispatchInfo{None, Pays::Yes}),
    // emitted_events: [], local_xcm: None, forwarded_xcms: []})
    final Value succeeded = preflight.readOutput(method, Hex.decode("0x00000000000000"));
    // ... execution_result: Err(DispatchErrorWithPostInfo{post_info: {None, Yes}, BadOrigin})
    final Value failed = preflight.readOutput(method, Hex.decode("0x0001000002000000"));
    // Err(XcmDryRunApiError::Unimplemented)
    final Value refused = preflight.readOutput(method, Hex.decode("0x0100"));

    assertThat(XcmPreflight.failure(succeeded)).isEmpty();
    assertThat(XcmPreflight.forwarded(succeeded)).isEmpty();
    assertThat(XcmPreflight.failure(failed)).contains("the call would fail: BadOrigin");
    assertThat(XcmPreflight.failure(refused))
        .contains("the runtime refused the dry run: Err(Unimplemented)");
  }
}
