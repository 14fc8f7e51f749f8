package org.distli.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hex;

/**
 * A compiled contract as {@code contracts/build.mjs} writes it: the ABI, the creation code (what a
 * deployment transaction carries, before constructor arguments), the runtime code (what the account
 * holds afterwards) and the storage layout. Loaded from the committed JSON on the classpath, so the
 * Java build needs no Solidity compiler.
 */
public record ContractArtifact(
    String name,
    String abiJson,
    Bytes creationCode,
    Bytes runtimeCode,
    StorageLayout storageLayout) {

  public static final String ORDER_BOOK = "OrderBook";
  public static final String DEMO_TOKEN = "DemoToken";

  /** The classpath folder of the artifacts. */
  public static final String RESOURCE_FOLDER = "/org/distli/trading/contracts/";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Loads {@code <name>.json} from the classpath.
   *
   * @throws IllegalArgumentException when no such artifact is on the classpath
   */
  public static ContractArtifact load(String name) {
    String resource = RESOURCE_FOLDER + name + ".json";
    try (InputStream in = ContractArtifact.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no contract artifact " + resource + " on the classpath");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract artifact " + resource, e);
    }
  }

  static ContractArtifact parse(JsonNode root) {
    return new ContractArtifact(
        root.path("contractName").asText(),
        root.path("abi").toString(),
        Hex.decode(root.path("bytecode").asText()),
        Hex.decode(root.path("deployedBytecode").asText()),
        StorageLayout.parse(root.path("storageLayout")));
  }

  /** The creation code followed by ABI-encoded constructor arguments. */
  public Bytes deploymentData(Bytes encodedConstructorArguments) {
    return Bytes.concatenate(creationCode, encodedConstructorArguments);
  }
}
