package io.xrelay.substrate.extrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.crypto.Blake2b;
import io.xrelay.crypto.ed25519.Ed25519;
import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.Secp256k1;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import io.xrelay.substrate.metadata.MetadataFixturesAccess;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.value.Value;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExtrinsicBuilderTest {
  private static final RuntimeMetadata KUSAMA_LOCAL =
      MetadataFixturesAccess.metadata(MetadataFixturesAccess.KUSAMA_LOCAL_V14);
  private static final String GENESIS = "0x" + "45".repeat(32);
  private static final String BIRTH = "0x" + "ab".repeat(32);

  @ParameterizedTest
  @EnumSource(KeyScheme.class)
  void shouldSignATransferThatTakesApartIntoAVerifiableSignature(final KeyScheme scheme) {
    final ExtrinsicBuilder builder = new ExtrinsicBuilder(KUSAMA_LOCAL);
    final KeyPair alice = KeyPair.fromUri("//Alice", scheme);
    final byte[] bob = KeyPair.fromUri("//Bob", KeyScheme.ED25519).accountId();
    final byte[] call =
        builder.encodeCall(
            "Balances",
            "transfer_keep_alive",
            Value.named(
                "dest",
                Value.variant("Id", Value.bytes(bob)),
                "value",
                Value.of(new BigInteger("1000000000000"))));
    final Era era = Era.mortal(64, 100);
    final SigningParameters parameters =
        new SigningParameters(GENESIS, 1_000_000, 24, 7, BigInteger.ZERO, era, BIRTH);

    final SignedExtrinsic extrinsic = builder.sign(call, alice, parameters);

    final ScaleReader reader = ScaleReader.of(extrinsic.encoded());
    final int length = reader.readCompactInt("length");
    assertThat(length).isEqualTo(reader.remaining());
    assertThat(reader.readU8()).isEqualTo(0x84);
    assertThat(reader.readU8()).as("MultiAddress::Id").isEqualTo(0);
    assertThat(reader.readBytes(32)).isEqualTo(alice.accountId());
    assertThat(reader.readU8()).isEqualTo(scheme.multiSignatureIndex());
    final byte[] signature = reader.readBytes(scheme == KeyScheme.ED25519 ? 64 : 65);
    // Extensions of this runtime: era, compact nonce, compact tip (the others carry nothing).
    final byte[] extra =
        new ScaleWriter().writeBytes(era.encode()).writeCompact(7).writeCompact(0).toByteArray();
    assertThat(reader.readBytes(extra.length)).isEqualTo(extra);
    assertThat(reader.readBytes(reader.remaining())).isEqualTo(call);

    // What was signed: call, extra, then spec, tx version, genesis, era birth (nothing for the
    // rest).
    final byte[] payload =
        new ScaleWriter()
            .writeBytes(call)
            .writeBytes(extra)
            .writeU32(1_000_000)
            .writeU32(24)
            .writeBytes(io.xrelay.scale.Hex.decode(GENESIS))
            .writeBytes(io.xrelay.scale.Hex.decode(BIRTH))
            .toByteArray();
    if (scheme == KeyScheme.ED25519) {
      assertThat(Ed25519.verify(alice.publicKey(), payload, signature)).isTrue();
    } else {
      assertThat(
              Secp256k1.recover(Blake2b.hash256(payload), EcdsaSignature.fromBytes(signature))
                  .orElseThrow()
                  .compressed())
          .isEqualTo(alice.publicKey());
    }
    assertThat(extrinsic.hash())
        .isEqualTo(io.xrelay.scale.Hex.encode(Blake2b.hash256(extrinsic.encoded())));
  }

  @Test
  void shouldFillTheAssetTxPaymentAndMetadataHashExtensionsOfCurrentRuntimes() {
    final RuntimeMetadata assetHub =
        MetadataFixturesAccess.metadata(MetadataFixturesAccess.ASSET_HUB_POLKADOT_V15);
    final ExtrinsicBuilder builder = new ExtrinsicBuilder(assetHub);
    assertThat(builder.extensionIdentifiers())
        .contains("ChargeAssetTxPayment", "CheckMetadataHash");
    final byte[] call =
        builder.encodeCall("System", "remark", Value.named("remark", Value.hex("0x01")));

    final SignedExtrinsic extrinsic =
        builder.sign(
            call,
            KeyPair.fromUri("//Alice", KeyScheme.ED25519),
            SigningParameters.immortal(GENESIS, 2_000_000, 15, 0));

    final byte[] encoded = extrinsic.encoded();
    assertThat(Arrays.copyOfRange(encoded, encoded.length - call.length, encoded.length))
        .isEqualTo(call);
  }
}
