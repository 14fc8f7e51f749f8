package org.distli.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;

class DevChainTest {
  @Test
  void theDevAccountsAreHardhatsAndAnvils() {
    List<DevAccount> accounts = DevChain.accounts();
    assertEquals(20, accounts.size());
    assertEquals(
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", accounts.get(0).address().toChecksumString());
    assertEquals(
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        accounts.get(0).key().toHexUnsafe());
    assertEquals(
        "0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199",
        accounts.get(19).address().toChecksumString());
  }

  @Test
  void theDevGenesisFundsEachAccountWithTenThousandEther() {
    Genesis genesis = DevChain.genesis();
    assertEquals(1337, genesis.config().chainId());
    assertEquals(Fork.CANCUN, genesis.fork());
    for (DevAccount account : DevChain.accounts()) {
      assertEquals(Wei.ofEther(10_000), genesis.alloc().get(account.address()).balance());
    }
  }

  @Test
  void theDevValidatorIsNotAFundedAccount() {
    Genesis genesis = DevChain.genesis();
    List<Validator> validators = genesis.config().consensus().validators();
    assertEquals(1, validators.size());
    Address validator = validators.get(0).address();
    assertEquals(DevChain.validatorKey().address(), validator);
    assertFalse(genesis.alloc().containsKey(validator));
    assertEquals(EmptyBlockPolicy.SKIP, genesis.config().consensus().emptyBlocks());
  }
}
