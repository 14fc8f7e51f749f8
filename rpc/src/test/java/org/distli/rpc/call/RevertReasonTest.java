package org.distli.rpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.tuweni.bytes.Bytes;
import org.distli.rpc.jsonrpc.RpcException;
import org.junit.jupiter.api.Test;

class RevertReasonTest {
  @Test
  void errorStringIsAppendedToTheMessage() {
    // From execution-apis eth_call/call-revert-abi-error.io.
    Bytes data =
        Bytes.fromHexString(
            "0x08c379a00000000000000000000000000000000000000000000000000000000000000020"
                + "000000000000000000000000000000000000000000000000000000000000000a"
                + "75736572206572726f72");
    RpcException e = RevertReason.error(data);
    assertEquals(3, e.error().code());
    assertEquals("execution reverted: user error", e.error().message());
    assertEquals(data.toHexString(), e.error().data());
  }

  @Test
  void panicCodesAreNamed() {
    Bytes assertFailed =
        Bytes.fromHexString(
            "0x4e487b710000000000000000000000000000000000000000000000000000000000000001");
    assertEquals(
        "execution reverted: assert(false)", RevertReason.error(assertFailed).error().message());
    Bytes overflow =
        Bytes.fromHexString(
            "0x4e487b710000000000000000000000000000000000000000000000000000000000000011");
    assertEquals("arithmetic underflow or overflow", RevertReason.decode(overflow));
  }

  @Test
  void customErrorsAndEmptyDataKeepTheBareMessageAndTheData() {
    Bytes custom = Bytes.fromHexString("0x77726f6e672d63616c6c6461746173697a65");
    RpcException e = RevertReason.error(custom);
    assertEquals("execution reverted", e.error().message());
    assertEquals("0x77726f6e672d63616c6c6461746173697a65", e.error().data());
    assertEquals("0x", RevertReason.error(Bytes.EMPTY).error().data());
    assertNull(RevertReason.decode(Bytes.fromHexString("0x08c379a0")));
  }
}
