package org.distli.trading;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;

/**
 * A read-only contract call against the latest state, as {@code eth_call} at "latest" runs it. The
 * node implements it over its chain head; tests over an in-memory EVM.
 */
@FunctionalInterface
public interface EthCall {

  /**
   * @return the call's return data
   * @throws CallRevertedException when the call reverts
   */
  Bytes call(Address to, Bytes data);

  /** The call reverted; {@code revertData} is what REVERT returned. */
  final class CallRevertedException extends RuntimeException {
    private final transient Bytes revertData;

    public CallRevertedException(Bytes revertData) {
      super("execution reverted");
      this.revertData = revertData;
    }

    public Bytes revertData() {
      return revertData;
    }
  }
}
