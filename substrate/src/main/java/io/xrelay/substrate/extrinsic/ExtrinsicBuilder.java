package io.xrelay.substrate.extrinsic;

import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.ScaleWriter;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.metadata.ExtrinsicMetadata;
import io.xrelay.substrate.metadata.RuntimeMetadata;
import io.xrelay.substrate.metadata.TypeDef;
import io.xrelay.substrate.value.Value;
import io.xrelay.substrate.value.ValueCodec;
import java.util.List;

/**
 * Builds signed V4 extrinsics from a runtime's metadata: the call is encoded with the runtime's
 * call type, and each signed extension the metadata lists gets its value (what goes into the
 * extrinsic) and implicit value (what only the signature covers) in the metadata's order. An
 * extension it does not know fails the build, unless its types carry no data.
 */
public final class ExtrinsicBuilder {
  private static final int SIGNED_V4 = 0x84;

  /** Payloads longer than this are signed as their blake2_256 hash. */
  private static final int MAX_UNHASHED_PAYLOAD = 256;

  private final RuntimeMetadata metadata;
  private final ValueCodec codec;

  public ExtrinsicBuilder(final RuntimeMetadata metadata) {
    this.metadata = metadata;
    this.codec = new ValueCodec(metadata.types());
  }

  /** Encodes {@code Pallet.call(fields)} with the runtime's call type. */
  public byte[] encodeCall(final String pallet, final String call, final Value.Composite fields) {
    return codec.encode(
        metadata.extrinsic().callType(), Value.variant(pallet, Value.variant(call, fields)));
  }

  /**
   * @throws IllegalArgumentException when the metadata lists a signed extension this builder does
   *     not know and whose types carry data, or the call does not fit the runtime
   */
  public SignedExtrinsic sign(
      final byte[] call, final KeyPair signer, final SigningParameters parameters) {
    final ExtrinsicMetadata extrinsic = metadata.extrinsic();
    final ScaleWriter extra = new ScaleWriter();
    final ScaleWriter implicit = new ScaleWriter();
    for (final ExtrinsicMetadata.TransactionExtension extension : extrinsic.extensions()) {
      codec.encode(extension.type(), extraValue(extension, parameters), extra);
      codec.encode(extension.implicitType(), implicitValue(extension, parameters), implicit);
    }
    final byte[] extraBytes = extra.toByteArray();
    final ScaleWriter payload = new ScaleWriter(call.length + extraBytes.length + 128);
    payload.writeBytes(call).writeBytes(extraBytes).writeBytes(implicit.toByteArray());
    byte[] signedPayload = payload.toByteArray();
    if (signedPayload.length > MAX_UNHASHED_PAYLOAD) {
      signedPayload = Blake2b.hash256(signedPayload);
    }
    final byte[] signature = signer.signMultiSignature(signedPayload);

    final ScaleWriter body = new ScaleWriter(call.length + extraBytes.length + 160);
    body.writeU8(SIGNED_V4);
    codec.encode(extrinsic.addressType(), address(signer.accountId()), body);
    body.writeBytes(signature);
    body.writeBytes(extraBytes);
    body.writeBytes(call);
    final byte[] bodyBytes = body.toByteArray();
    return new SignedExtrinsic(
        new ScaleWriter(bodyBytes.length + 4).writeByteVec(bodyBytes).toByteArray());
  }

  /**
   * {@code MultiAddress::Id(account)} where the runtime uses MultiAddress, else the account itself.
   */
  private Value address(final byte[] accountId) {
    if (metadata.types().get(extrinsicAddressType()).def() instanceof TypeDef.Variant variant
        && variant.byName("Id") != null) {
      return Value.variant("Id", Value.bytes(accountId));
    }
    return Value.bytes(accountId);
  }

  private int extrinsicAddressType() {
    final int type = metadata.extrinsic().addressType();
    if (type < 0) {
      throw new IllegalArgumentException("the metadata names no address type for extrinsics");
    }
    return type;
  }

  private Value extraValue(
      final ExtrinsicMetadata.TransactionExtension extension, final SigningParameters parameters) {
    return switch (extension.identifier()) {
      case "CheckMortality", "CheckEra" -> eraValue(parameters.era());
      case "CheckNonce" -> Value.of(parameters.nonce());
      case "ChargeTransactionPayment" -> Value.of(parameters.tip());
      case "ChargeAssetTxPayment" ->
          Value.named("tip", Value.of(parameters.tip()), "asset_id", Value.variant("None"));
      case "CheckMetadataHash" -> Value.named("mode", Value.variant("Disabled"));
      default -> empty(extension, extension.type(), "value");
    };
  }

  private Value implicitValue(
      final ExtrinsicMetadata.TransactionExtension extension, final SigningParameters parameters) {
    return switch (extension.identifier()) {
      case "CheckSpecVersion" -> Value.of(parameters.specVersion());
      case "CheckTxVersion" -> Value.of(parameters.transactionVersion());
      case "CheckGenesis" -> Value.hex(parameters.genesisHash());
      case "CheckMortality", "CheckEra" -> Value.hex(parameters.eraBirthHash());
      case "CheckMetadataHash" -> Value.variant("None");
      default -> empty(extension, extension.implicitType(), "implicit value");
    };
  }

  /** Era's metadata type is an enum of 256 variants: the first encoded byte is the index. */
  private static Value eraValue(final Era era) {
    final byte[] encoded = era.encode();
    if (encoded.length == 1) {
      return new Value.Variant(null, 0, Value.Composite.EMPTY);
    }
    return new Value.Variant(null, encoded[0] & 0xff, Value.tuple(Value.of(encoded[1] & 0xff)));
  }

  private Value empty(
      final ExtrinsicMetadata.TransactionExtension extension, final int type, final String what) {
    if (metadata.types().minEncodedSize(type) == 0 && isUnit(type)) {
      return Value.Composite.EMPTY;
    }
    throw new IllegalArgumentException(
        "signed extension "
            + extension.identifier()
            + " needs a "
            + what
            + " of type "
            + codec.label(type)
            + " that this builder does not know how to fill");
  }

  private boolean isUnit(final int type) {
    final TypeDef def = metadata.types().get(type).def();
    return (def instanceof TypeDef.Composite composite
            && composite.fields().stream().allMatch(f -> isUnit(f.type())))
        || (def instanceof TypeDef.Tuple tuple
            && tuple.fieldTypes().stream().allMatch(this::isUnit));
  }

  /** For logs: the extension identifiers this runtime expects, in order. */
  public List<String> extensionIdentifiers() {
    return metadata.extrinsic().extensions().stream()
        .map(ExtrinsicMetadata.TransactionExtension::identifier)
        .toList();
  }
}
