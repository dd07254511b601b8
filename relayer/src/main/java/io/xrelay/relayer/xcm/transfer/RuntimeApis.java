package io.xrelay.relayer.xcm.transfer;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xrelay.crypto.Blake2b;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.client.JsonRpcClient;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which runtime APIs a chain offers, from {@code state_getRuntimeVersion}'s {@code apis} list
 * (blake2_64 of each trait name): unlike the API list of metadata V15, it is there on every node
 * and for every runtime, including the devnet's, whose nodes serve metadata V14.
 */
public final class RuntimeApis {
  public static final String DRY_RUN_API = "DryRunApi";
  public static final String XCM_PAYMENT_API = "XcmPaymentApi";

  private final Set<String> ids;

  private RuntimeApis(final Set<String> ids) {
    this.ids = ids;
  }

  public static Future<RuntimeApis> read(final JsonRpcClient rpc) {
    return rpc.call("state_getRuntimeVersion", new JsonArray())
        .map(
            result -> {
              final Set<String> ids = new HashSet<>();
              if (result instanceof JsonObject version
                  && version.getValue("apis") instanceof JsonArray apis) {
                for (final Object api : apis) {
                  if (api instanceof JsonArray pair && pair.getValue(0) instanceof String id) {
                    ids.add(id.toLowerCase(Locale.ROOT));
                  }
                }
              }
              return new RuntimeApis(ids);
            });
  }

  public boolean offers(final String traitName) {
    return ids.contains(id(traitName));
  }

  static String id(final String traitName) {
    final byte[] name = traitName.getBytes(StandardCharsets.UTF_8);
    return Hex.encode(Blake2b.hash(name, 0, name.length, 8));
  }
}
