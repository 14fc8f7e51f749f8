package org.distli.evm.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.CodeRunner;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.Fork;
import org.distli.primitives.Hex;
import org.junit.jupiter.api.Test;

class TracerTest {
  @Test
  void eip3155WriterPrintsOneLinePerStepAndASummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new CodeRunner()
        .run(Fork.CANCUN, Hex.decode("6001600201"), Bytes.EMPTY, 100, new Eip3155Tracer(out));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(5, lines.length, "PUSH1, PUSH1, ADD, the implicit STOP, the summary");
    assertEquals(
        "{\"pc\":0,\"op\":96,\"gas\":\"0x64\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[],"
            + "\"depth\":1,\"refund\":0,\"opName\":\"PUSH1\"}",
        lines[0]);
    assertEquals(
        "{\"pc\":4,\"op\":1,\"gas\":\"0x5e\",\"gasCost\":\"0x3\",\"memSize\":0,"
            + "\"stack\":[\"0x1\",\"0x2\"],\"depth\":1,\"refund\":0,\"opName\":\"ADD\"}",
        lines[2]);
    assertEquals("{\"output\":\"\",\"gasUsed\":\"0x9\"}", lines[4]);
  }

  @Test
  void failingStepCarriesTheError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new CodeRunner().run(Fork.CANCUN, Hex.decode("01"), Bytes.EMPTY, 100, new Eip3155Tracer(out));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertTrue(lines[0].endsWith("\"opName\":\"ADD\",\"error\":\"stack underflow\"}"), lines[0]);
    assertEquals("{\"output\":\"\",\"gasUsed\":\"0x64\",\"error\":\"stack underflow\"}", lines[1]);
  }

  @Test
  void callFramesAreReportedWithTypeGasAndOutcome() {
    List<String> events = new ArrayList<>();
    Tracer tracer =
        new Tracer() {
          @Override
          public boolean tracesSteps() {
            return false;
          }

          @Override
          public void onStep(FrameView frame) {
            events.add("step");
          }

          @Override
          public void onEnter(CallFrame frame) {
            events.add("enter " + frame.depth() + " " + frame.type() + " " + frame.to());
          }

          @Override
          public void onExit(
              int depth, Bytes output, long gasUsed, ExceptionalHalt halt, boolean reverted) {
            events.add("exit " + depth + " " + halt + " " + reverted);
          }
        };
    // STATICCALL(GAS, 0x04 identity, 0, 0, 0, 0) then REVERT(0, 0)
    new CodeRunner()
        .run(
            Fork.CANCUN,
            Hex.decode("600060006000600060045afa60006000fd"),
            Bytes.EMPTY,
            100_000,
            tracer);
    assertEquals(
        List.of(
            "enter 1 CALL " + CodeRunner.CONTRACT,
            "enter 2 STATICCALL 0x0000000000000000000000000000000000000004",
            "exit 2 null false",
            "exit 1 null true"),
        events);
  }
}
