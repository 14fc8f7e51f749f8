package org.distli.node.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The configuration reference in README.md lists every setting under its three names. */
class ReadmeConfigurationTest {
  @Test
  void everySettingIsDocumented() throws Exception {
    Path readme = Path.of("..", "README.md");
    Assumptions.assumeTrue(Files.exists(readme), "README.md not found beside the module");
    String text = Files.readString(readme);
    for (Setting setting : Settings.ALL) {
      assertTrue(
          text.contains("`" + setting.environmentVariable() + "`"), setting.environmentVariable());
      if (setting.cliOption()) {
        assertTrue(text.contains("`" + setting.optionName() + " "), setting.optionName());
      }
      if (setting.fileOption()) {
        assertTrue(text.contains("| `" + setting.key() + "` |"), setting.key());
      }
    }
  }
}
