package org.distli.chain.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class CommitSealsHashTest {
  private static final Bytes VANITY = Bytes.repeat((byte) 0x64, 32);
  private static final Bytes PROPOSER = Bytes.repeat((byte) 0x11, 65);

  private static Bytes extraData(Bytes proposerSeal, List<Bytes> commitSeals) {
    RlpWriter w = new RlpWriter();
    w.startList();
    w.writeBytes(VANITY);
    w.writeLong(2);
    w.writeBytes(proposerSeal);
    w.startList();
    commitSeals.forEach(w::writeBytes);
    w.endList();
    w.endList();
    return Bytes.wrap(w.toByteArray());
  }

  private static BlockHeader header(Bytes extraData) {
    return BlockHeader.builder()
        .number(7)
        .gasLimit(30_000_000)
        .timestamp(99)
        .extraData(extraData)
        .build();
  }

  private static Bytes seal(int b) {
    return Bytes.repeat((byte) b, 65);
  }

  @Test
  void headersThatDifferOnlyInCommitSealsShareTheirHash() {
    BlockHeader proposed = header(extraData(PROPOSER, List.of()));
    BlockHeader sealedByAbc = header(extraData(PROPOSER, List.of(seal(1), seal(2), seal(3))));
    BlockHeader sealedByAbd = header(extraData(PROPOSER, List.of(seal(1), seal(2), seal(4))));

    assertEquals(proposed.hash(), sealedByAbc.hash());
    assertEquals(sealedByAbc.hash(), sealedByAbd.hash());
    assertNotEquals(sealedByAbc, sealedByAbd, "equal hashes, but not the same header");
    assertNotEquals(sealedByAbc.encoded(), sealedByAbd.encoded());
  }

  @Test
  void theHashStillCoversTheProposerSealAndEveryOtherField() {
    BlockHeader sealed = header(extraData(PROPOSER, List.of(seal(1))));
    BlockHeader otherProposer = header(extraData(seal(9), List.of(seal(1))));
    assertNotEquals(sealed.hash(), otherProposer.hash());
    assertNotEquals(
        sealed.hash(), sealed.toBuilder().timestamp(100).build().hash(), "timestamp is hashed");
  }

  @Test
  void anEthereumHeaderIsHashedAsItIsEncoded() {
    BlockHeader ethereum = header(Bytes.fromHexString("0x476574682f76312e302e302f6c696e7578"));
    assertEquals(Keccak256.hash(ethereum.encoded().toArrayUnsafe()), ethereum.hash());
  }

  @Test
  void extraDataOfAnotherShapeIsHashedAsItIs() {
    // a commit seal of the wrong size: not the layout, so nothing is left out
    BlockHeader odd = header(extraData(PROPOSER, List.of(Bytes.repeat((byte) 1, 64))));
    assertEquals(Keccak256.hash(odd.encoded().toArrayUnsafe()), odd.hash());
    BlockHeader long33 = header(Bytes.repeat((byte) 0xc0, 33));
    assertEquals(Keccak256.hash(long33.encoded().toArrayUnsafe()), long33.hash());
  }
}
