package org.distli.evm.precompile;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.Signature;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * 0x01: the address that signed a message hash, from (hash, v, r, s). Unlike transaction
 * signatures, s may be in the upper half of the order (EIP-2 applies to transactions only). A bad
 * signature is not a failure of the call: it returns empty output and still costs 3000 gas.
 */
final class EcRecover implements Precompile {
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return 3000;
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] in = Words.padded(input, 128);
    // v is a full 32-byte word that must equal 27 or 28.
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) {
        return EMPTY;
      }
    }
    int v = in[63] & 0xff;
    if (v != 27 && v != 28) {
      return EMPTY;
    }
    Signature signature =
        new Signature(
            UInt256.fromBytes(Bytes.wrap(in, 64, 32)),
            UInt256.fromBytes(Bytes.wrap(in, 96, 32)),
            v - 27);
    if (!signature.isValid()) {
      return EMPTY;
    }
    Hash message = Hash.wrap(java.util.Arrays.copyOfRange(in, 0, 32));
    Optional<Address> signer = Secp256k1.recoverAddress(message, signature);
    if (signer.isEmpty()) {
      return EMPTY;
    }
    byte[] out = new byte[32];
    signer.get().copyTo(out, 12);
    return out;
  }
}
