/**
 * The readable JSON form of XCM: one stable shape, named after the runtime metadata. For example
 * the V4 teleport {@code 0x0414020400...}:
 *
 * <pre>{@code
 * {"type": "V4", "value": [
 *   {"type": "ReceiveTeleportedAsset", "value": [
 *     {"id": {"parents": 0, "interior": {"type": "Here"}},
 *      "fun": {"type": "Fungible", "value": "5317346979"}}]},
 *   {"type": "ClearOrigin"},
 *   {"type": "BuyExecution", "value": {"fees": ..., "weight_limit": {"type": "Unlimited"}}},
 *   {"type": "DepositAsset", "value": {
 *     "assets": {"type": "Wild", "value": {"type": "AllCounted", "value": 1}},
 *     "beneficiary": {"parents": 0, "interior": {"type": "X1", "value": [
 *       {"type": "AccountId32", "value": {"network": null, "id": "0xf816..."}}]}}}},
 *   {"type": "SetTopic", "value": "0x10d0..."}]}
 * }</pre>
 *
 * The rules are listed on {@link io.xrelay.xcm.json.XcmJson}. The same shape is what the reference
 * decoder of the fixtures and PAPI/Ocelloids print (PAPI writes small numbers as numbers and a v4
 * {@code X1} as an object; we always write u64/u128 as strings and follow the metadata for {@code
 * X1}).
 */
package io.xrelay.xcm.json;
