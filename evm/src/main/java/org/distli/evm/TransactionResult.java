package org.distli.evm;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Log;

/**
 * The outcome of a valid transaction (one that was included and paid for, whether or not its code
 * succeeded).
 *
 * @param status success, revert or exceptional halt of the transaction's own frame
 * @param gasUsed the gas the sender pays for, after the refund: the receipt's gas used
 * @param gasRefunded the refund granted (already subtracted from {@code gasUsed})
 * @param logs the logs of a successful transaction (empty otherwise)
 * @param output the return data, or the revert data
 * @param contractAddress the created contract's address for a successful creation, else null
 * @param halt the exceptional halt when {@code status} is {@link Status#HALT}, else null
 * @param haltMessage go-ethereum's full text of the halt ("stack underflow (0 <=> 2)"), or null
 * @param blobGasUsed the EIP-4844 blob gas the transaction used
 */
public record TransactionResult(
    Status status,
    long gasUsed,
    long gasRefunded,
    List<Log> logs,
    Bytes output,
    Address contractAddress,
    ExceptionalHalt halt,
    String haltMessage,
    long blobGasUsed) {

  public TransactionResult {
    logs = List.copyOf(logs);
  }

  public enum Status {
    SUCCESS,
    REVERT,
    HALT
  }

  public boolean isSuccess() {
    return status == Status.SUCCESS;
  }

  /** The gas consumed before the refund was applied. */
  public long gasUsedBeforeRefund() {
    return gasUsed + gasRefunded;
  }

  /** go-ethereum's error text for a failed execution: "execution reverted", "out of gas", ... */
  public String errorMessage() {
    return switch (status) {
      case SUCCESS -> null;
      case REVERT -> "execution reverted";
      case HALT -> haltMessage != null ? haltMessage : halt.message();
    };
  }
}
