package org.distli.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from, in precedence order: command line, then environment, then the YAML
 * config file, then the defaults. Each raw value remembers its origin for error messages.
 */
public final class ConfigSources {
  /** A raw value with where it came from ({@code --rpc-port}, {@code DISTLI_RPC_PORT}, ...). */
  public record Raw(String origin, String text, List<String> list) {}

  private final Map<String, String> commandLine;
  private final Map<String, String> environment;
  private final Map<String, Object> file;
  private final String fileName;

  private ConfigSources(
      Map<String, String> commandLine,
      Map<String, String> environment,
      Map<String, Object> file,
      String fileName) {
    this.commandLine = Map.copyOf(commandLine);
    this.environment = Map.copyOf(environment);
    this.file = file;
    this.fileName = fileName;
  }

  /**
   * Reads the config file named by {@code --config} or {@code DISTLI_CONFIG}, if any.
   *
   * @param commandLine setting key to the option's text, for the options given
   * @param environment the process environment
   * @throws ConfigException when the file is unreadable, malformed or names unknown settings
   */
  public static ConfigSources load(
      Map<String, String> commandLine, Map<String, String> environment) {
    String configPath = commandLine.get(Settings.CONFIG.key());
    if (configPath == null) {
      configPath = environment.get(Settings.CONFIG.environmentVariable());
    }
    if (configPath == null || configPath.isBlank()) {
      return new ConfigSources(commandLine, environment, Map.of(), "");
    }
    Path path = Path.of(configPath);
    String yaml;
    try {
      yaml = Files.readString(path);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read config file " + path + ": " + org.distli.node.IoErrors.describe(e), e);
    }
    return new ConfigSources(
        commandLine, environment, parseYaml(yaml, path.getFileName().toString()), path.toString());
  }

  /** For tests: explicit sources with the config file given as YAML text. */
  public static ConfigSources of(
      Map<String, String> commandLine, Map<String, String> environment, String yaml) {
    Map<String, Object> file = yaml.isBlank() ? Map.of() : parseYaml(yaml, "config.yaml");
    return new ConfigSources(commandLine, environment, file, "config.yaml");
  }

  /** The highest-precedence value of {@code setting}, if any source sets it. */
  public Optional<Raw> find(Setting setting) {
    if (setting.cliOption() && commandLine.containsKey(setting.key())) {
      String text = commandLine.get(setting.key());
      return Optional.of(new Raw(setting.optionName(), text, splitList(text)));
    }
    String env = environment.get(setting.environmentVariable());
    if (env != null && !env.isEmpty()) {
      return Optional.of(new Raw(setting.environmentVariable(), env, splitList(env)));
    }
    if (setting.fileOption() && file.containsKey(setting.key())) {
      Object value = file.get(setting.key());
      String origin = fileLabel() + ": " + setting.key();
      if (value instanceof List<?> items) {
        List<String> list = new ArrayList<>();
        for (Object item : items) {
          list.add(String.valueOf(item));
        }
        return Optional.of(new Raw(origin, String.join(",", list), List.copyOf(list)));
      }
      String text = String.valueOf(value);
      return Optional.of(new Raw(origin, text, splitList(text)));
    }
    return Optional.empty();
  }

  public Optional<String> configFile() {
    return fileName.isEmpty() ? Optional.empty() : Optional.of(fileName);
  }

  private String fileLabel() {
    return fileName.isEmpty() ? "config file" : fileName;
  }

  private static List<String> splitList(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return List.copyOf(out);
  }

  /** Flattens nested YAML maps into dotted keys and refuses keys no setting has. */
  private static Map<String, Object> parseYaml(String yaml, String fileName) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ConfigException(
          fileName + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new ConfigException(fileName + ": expected a map of settings");
    }
    flatten(root, "", flat, fileName);
    return flat;
  }

  private static void flatten(JsonNode node, String prefix, Map<String, Object> out, String file) {
    Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String key = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
      JsonNode value = member.getValue();
      if (value.isObject()) {
        flatten(value, key, out, file);
        continue;
      }
      Optional<Setting> setting = Settings.byKey(key);
      if (setting.isEmpty() || !setting.get().fileOption()) {
        throw new ConfigException(
            file
                + ": unknown setting "
                + key
                + (key.equals(Settings.VALIDATOR_PASSWORD.key())
                    ? " (give the password in a file, validator.password_file, or in "
                        + Settings.VALIDATOR_PASSWORD.environmentVariable()
                        + ")"
                    : " (see the configuration reference in README.md)"));
      }
      if (value.isNull()) {
        continue;
      }
      if (value.isArray()) {
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
          if (!item.isValueNode()) {
            throw new ConfigException(file + ": " + key + ": expected a list of plain values");
          }
          list.add(item.asText());
        }
        out.put(key, List.copyOf(list));
      } else {
        out.put(key, value.asText());
      }
    }
  }
}
