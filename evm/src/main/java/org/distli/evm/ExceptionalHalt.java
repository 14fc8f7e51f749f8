package org.distli.evm;

/**
 * Why a call frame stopped abnormally. An exceptional halt consumes all the frame's gas and undoes
 * its state changes (REVERT is not one: it returns the unused gas). Messages are go-ethereum's,
 * which tracers and JSON-RPC clients show.
 */
public enum ExceptionalHalt {
  OUT_OF_GAS("out of gas"),
  INVALID_OPCODE("invalid opcode"),
  STACK_UNDERFLOW("stack underflow"),
  STACK_OVERFLOW("stack limit reached 1024"),
  INVALID_JUMP("invalid jump destination"),
  WRITE_PROTECTION("write protection"),
  RETURN_DATA_OUT_OF_BOUNDS("return data out of bounds"),
  MAX_CODE_SIZE_EXCEEDED("max code size exceeded"),
  INVALID_CODE("invalid code: must not begin with 0xef"),
  CODE_STORE_OUT_OF_GAS("contract creation code storage out of gas"),
  MAX_INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  CALL_DEPTH_EXCEEDED("max call depth exceeded"),
  INSUFFICIENT_BALANCE("insufficient balance for transfer"),
  CONTRACT_ADDRESS_COLLISION("contract address collision"),
  NONCE_OVERFLOW("nonce uint64 overflow"),
  PRECOMPILE_FAILED("precompiled contract failed");

  private final String message;

  ExceptionalHalt(String message) {
    this.message = message;
  }

  /** go-ethereum's wording. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return message;
  }
}
