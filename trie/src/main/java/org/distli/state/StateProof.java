package org.distli.state;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.trie.MerkleProof;

/**
 * An account and some of its storage slots with their Merkle proofs, as eth_getProof (EIP-1186)
 * returns them: {@code accountProof} follows keccak(address) from the state root, each storage
 * proof follows keccak(slot) from the account's storage root.
 *
 * @param account the account, or null when the state has none (the proof shows its absence)
 */
public record StateProof(
    Address address, Account account, List<Bytes> accountProof, List<StorageProof> storageProofs) {
  public StateProof {
    accountProof = List.copyOf(accountProof);
    storageProofs = List.copyOf(storageProofs);
  }

  /** One slot: its value (zero when unset) and the proof of it. */
  public record StorageProof(UInt256 slot, UInt256 value, List<Bytes> proof) {
    public StorageProof {
      proof = List.copyOf(proof);
    }
  }

  /** The storage root the storage proofs start from: the empty root for an absent account. */
  public Hash storageRoot() {
    return account == null ? Hash.EMPTY_TRIE_ROOT : account.storageRoot();
  }

  /**
   * Checks every proof against {@code stateRoot}: the account proof must show exactly {@link
   * #account()} and each storage proof exactly its value.
   *
   * @throws MerkleProof.InvalidProofException when a proof does not connect to the root or shows
   *     something else
   */
  public void verify(Hash stateRoot) {
    Optional<Bytes> proven =
        MerkleProof.verify(stateRoot, Keccak256.hash(address.toBytes()).toBytes(), accountProof);
    Optional<Bytes> claimed = Optional.ofNullable(account).map(a -> Bytes.wrap(a.encode()));
    if (!proven.equals(claimed)) {
      throw new MerkleProof.InvalidProofException(
          "account proof of "
              + address
              + " shows "
              + proven.map(Bytes::toHexString).orElse("none"));
    }
    for (StorageProof slot : storageProofs) {
      Optional<UInt256> value =
          MerkleProof.verify(storageRoot(), Keccak256.hash(slot.slot()).toBytes(), slot.proof())
              .map(StateCodec::decodeStorageValueBytes);
      if (!value.orElse(UInt256.ZERO).equals(slot.value())) {
        throw new MerkleProof.InvalidProofException(
            "storage proof of slot " + slot.slot() + " shows " + value.orElse(UInt256.ZERO));
      }
    }
  }
}
