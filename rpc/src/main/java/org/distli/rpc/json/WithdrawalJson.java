package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.distli.chain.block.Withdrawal;

/** An EIP-4895 withdrawal: amounts in Gwei, as in the block. */
final class WithdrawalJson {
  private WithdrawalJson() {}

  static void write(JsonGenerator out, Withdrawal withdrawal) throws IOException {
    out.writeStartObject();
    Fields.quantity(out, "index", withdrawal.index());
    Fields.quantity(out, "validatorIndex", withdrawal.validatorIndex());
    Fields.address(out, "address", withdrawal.address());
    Fields.quantity(out, "amount", withdrawal.amountGwei());
    out.writeEndObject();
  }
}
