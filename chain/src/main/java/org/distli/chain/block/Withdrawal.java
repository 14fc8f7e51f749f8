package org.distli.chain.block;

import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * A validator withdrawal (EIP-4895), credited at the end of a block; no gas, no execution.
 *
 * @param index the withdrawal's global index (unsigned 64-bit)
 * @param validatorIndex the validator's index (unsigned 64-bit)
 * @param amountGwei the amount in gwei (unsigned 64-bit)
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  private static final java.math.BigInteger GWEI = java.math.BigInteger.valueOf(1_000_000_000L);

  /** The amount in wei. */
  public Wei amount() {
    if (amountGwei == 0) {
      return Wei.ZERO;
    }
    return Wei.of(new java.math.BigInteger(Long.toUnsignedString(amountGwei)).multiply(GWEI));
  }

  public void writeTo(RlpWriter w) {
    w.startList();
    w.writeLong(index);
    w.writeLong(validatorIndex);
    w.writeAddress(address);
    w.writeLong(amountGwei);
    w.endList();
  }

  public byte[] encoded() {
    RlpWriter w = new RlpWriter(48);
    writeTo(w);
    return w.toByteArray();
  }

  public static Withdrawal readFrom(RlpReader r) {
    r.enterList("withdrawal");
    Withdrawal withdrawal =
        new Withdrawal(
            r.readLong("withdrawal index"),
            r.readLong("withdrawal validator index"),
            r.readAddress("withdrawal address"),
            r.readLong("withdrawal amount"));
    r.exitList("withdrawal");
    return withdrawal;
  }
}
