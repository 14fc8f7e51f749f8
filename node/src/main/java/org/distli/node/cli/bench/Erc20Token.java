package org.distli.node.cli.bench;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;

/**
 * A minimal ERC-20 token for benchmarks: {@code transfer(address,uint256)} and {@code
 * balanceOf(address)}, balances in a Solidity-style mapping at slot 0, a Transfer event per
 * transfer. Hand-assembled; the listing below is the source of {@link #RUNTIME_CODE}.
 *
 * <pre>
 *   PUSH1 0 CALLDATALOAD PUSH1 0xe0 SHR                      ; selector
 *   DUP1 PUSH4 0xa9059cbb EQ PUSH2 transfer JUMPI
 *   DUP1 PUSH4 0x70a08231 EQ PUSH2 balanceOf JUMPI
 *   PUSH1 0 DUP1 REVERT
 * transfer:                                                   ; 0x20
 *   JUMPDEST
 *   CALLER PUSH1 0 MSTORE PUSH1 0 PUSH1 0x20 MSTORE
 *   PUSH1 0x40 PUSH1 0 SHA3                                   ; fromSlot = keccak(caller . 0)
 *   DUP1 SLOAD                                                ; fromSlot balance
 *   PUSH1 0x24 CALLDATALOAD                                   ; fromSlot balance amount
 *   DUP1 DUP3 LT PUSH2 fail JUMPI                             ; balance &lt; amount: revert
 *   DUP1 SWAP2 SUB DUP3 SSTORE                                ; fromSlot amount
 *   PUSH1 4 CALLDATALOAD PUSH20 0xff..ff AND                  ; fromSlot amount to
 *   DUP1 PUSH1 0 MSTORE PUSH1 0x40 PUSH1 0 SHA3               ; ... to toSlot
 *   DUP1 SLOAD DUP4 ADD SWAP1 SSTORE                          ; balances[to] += amount
 *   DUP2 PUSH1 0 MSTORE                                       ; memory[0] = amount
 *   CALLER PUSH32 Transfer(address,address,uint256) PUSH1 0x20 PUSH1 0 LOG3
 *   PUSH1 1 PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN          ; true
 * fail:                                                       ; 0x9d
 *   JUMPDEST PUSH1 0 DUP1 REVERT
 * balanceOf:                                                  ; 0xa2
 *   JUMPDEST
 *   PUSH1 4 CALLDATALOAD PUSH1 0 MSTORE PUSH1 0 PUSH1 0x20 MSTORE
 *   PUSH1 0x40 PUSH1 0 SHA3 SLOAD PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
 * </pre>
 */
final class Erc20Token {
  static final Bytes RUNTIME_CODE =
      Bytes.fromHexString(
          "0x60003560e01c8063a9059cbb1461002057806370a08231146100a257600080fd5b336000526000602052"
              + "6040600020805460243580821061009d57809103825560043573ffffffffffffffffffffffffffffffff"
              + "ffffffff1680600052604060002080548301905581600052337fddf252ad1be2c89b69c2b068fc378daa"
              + "952ba7f163c4a11628f55a4df523b3ef60206000a3600160005260206000f35b600080fd5b60043560"
              + "0052600060205260406000205460005260206000f3");

  private Erc20Token() {}

  /** The storage slot of {@code holder}'s balance: keccak256(holder padded to 32 . 0). */
  static UInt256 balanceSlot(Address holder) {
    byte[] key = new byte[64];
    holder.copyTo(key, 12);
    return UInt256.fromBytes(Bytes.wrap(Keccak256.digest(key)));
  }

  /** Call data of transfer(to, amount). */
  static Bytes transferCall(Address to, UInt256 amount) {
    byte[] data = new byte[4 + 32 + 32];
    data[0] = (byte) 0xa9;
    data[1] = (byte) 0x05;
    data[2] = (byte) 0x9c;
    data[3] = (byte) 0xbb;
    to.copyTo(data, 4 + 12);
    System.arraycopy(amount.toArrayUnsafe(), 0, data, 36, 32);
    return Bytes.wrap(data);
  }
}
