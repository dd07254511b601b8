package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.crypto.secp256k1.Secp256k1PublicKey;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.merkle.BinaryMerkleProof;
import io.xrelay.proofs.merkle.BinaryMerkleTree;
import io.xrelay.scale.ScaleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BEEFY validator set as the Ethereum light client sees it: its id and the Ethereum address of
 * each authority, in authority order (index = signature slot = merkle leaf position).
 *
 * @param members one entry per authority; empty for an authority id that is not a valid key
 *     (pallet-beefy-mmr then commits an empty leaf, which no signature can match)
 */
public record BeefyValidatorSet(long id, List<Optional<EthereumAddress>> members) {

  public BeefyValidatorSet {
    members = List.copyOf(members);
  }

  public static BeefyValidatorSet ofAddresses(
      final long id, final List<EthereumAddress> addresses) {
    return new BeefyValidatorSet(id, addresses.stream().map(Optional::of).toList());
  }

  /** From the 33-byte compressed authority ids of {@code Beefy.Authorities}. */
  public static BeefyValidatorSet ofAuthorityIds(final long id, final List<byte[]> authorityIds) {
    final List<Optional<EthereumAddress>> members = new ArrayList<>(authorityIds.size());
    for (final byte[] authorityId : authorityIds) {
      members.add(
          authorityId.length == 33
              ? Secp256k1PublicKey.parse(authorityId).map(Secp256k1PublicKey::ethereumAddress)
              : Optional.empty());
    }
    return new BeefyValidatorSet(id, members);
  }

  /**
   * From the SCALE value of {@code Beefy.Authorities} ({@code Vec<AuthorityId>}: a compact count,
   * then 33-byte compressed ECDSA keys), as a node serves it from storage.
   */
  public static BeefyValidatorSet ofEncodedAuthorities(final long id, final byte[] encoded) {
    final ScaleReader reader = ScaleReader.of(encoded);
    final int count = reader.readLength("Beefy.Authorities", 33);
    final List<byte[]> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(reader.readBytes(33));
    }
    reader.requireEnd("Beefy.Authorities");
    return ofAuthorityIds(id, ids);
  }

  public int size() {
    return members.size();
  }

  /** Signatures needed for finality: {@code n - (n - 1) / 3}, i.e. more than two thirds. */
  public int quorum() {
    return BeefyQuorum.threshold(members.size());
  }

  /** The keyset commitment ({@code BeefyNextAuthoritySet.keyset_commitment}) of the set. */
  public H256 root() {
    return BinaryMerkleTree.root(leaves());
  }

  /** The merkle proof of the authority at {@code index}, as BeefyClient takes it. */
  public BinaryMerkleProof proof(final int index) {
    return BinaryMerkleTree.proof(leaves(), index);
  }

  private List<byte[]> leaves() {
    return members.stream().map(m -> m.map(EthereumAddress::bytes).orElse(new byte[0])).toList();
  }
}
