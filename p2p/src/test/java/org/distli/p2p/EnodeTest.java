package org.distli.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnodeTest {
  private static final String ID =
      "a979fb575495b8d6db44f750317d0f4622bf4c2aa3365d6af7c284339968eef29b69ad0dce72a4d8db5ebb4968de0e3bec910127f134779fbcb0cb6d3331163c";

  @Test
  void parsesAndPrintsAnEnodeUrl() {
    Enode enode = Enode.parse("enode://" + ID + "@127.0.0.1:30303");
    assertEquals(30303, enode.tcpPort());
    assertEquals(30303, enode.udpPort());
    assertEquals("enode://" + ID + "@127.0.0.1:30303", enode.toString());
  }

  @Test
  void readsTheDiscoveryPort() {
    Enode enode = Enode.parse("enode://" + ID + "@127.0.0.1:30303?discport=30301");
    assertEquals(30301, enode.udpPort());
    assertEquals("enode://" + ID + "@127.0.0.1:30303?discport=30301", enode.toString());
  }

  @Test
  void refusesMalformedUrls() {
    assertThrows(IllegalArgumentException.class, () -> Enode.parse("http://x@127.0.0.1:1"));
    assertThrows(IllegalArgumentException.class, () -> Enode.parse("enode://abcd@127.0.0.1:1"));
    assertThrows(
        IllegalArgumentException.class, () -> Enode.parse("enode://" + ID + "@example.com:1"));
    assertThrows(IllegalArgumentException.class, () -> Enode.parse("enode://" + ID + "@127.0.0.1"));
  }
}
