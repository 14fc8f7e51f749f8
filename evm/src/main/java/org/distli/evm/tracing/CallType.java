package org.distli.evm.tracing;

/** The kind of a call frame, named as geth's callTracer names them. */
public enum CallType {
  CALL,
  CALLCODE,
  DELEGATECALL,
  STATICCALL,
  CREATE,
  CREATE2,
  /** Not a frame that runs code: the balance transfer of SELFDESTRUCT, reported like a call. */
  SELFDESTRUCT;

  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
