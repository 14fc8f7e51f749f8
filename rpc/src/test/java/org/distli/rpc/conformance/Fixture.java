package org.distli.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One rpc-compat case of ethereum/execution-apis: comment lines, then requests ({@code >>}) each
 * followed by its expected response ({@code <<}). "speconly" cases are only checked against the
 * schema upstream: their values depend on the client.
 */
record Fixture(Path file, List<String> comments, List<String> requests, List<JsonNode> responses) {

  String name() {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  String method() {
    return file.getParent().getFileName().toString();
  }

  boolean specOnly() {
    return comments.stream().anyMatch(c -> c.contains("speconly"));
  }

  static Fixture read(Path file) throws IOException {
    List<String> comments = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    List<JsonNode> responses = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("//")) {
        comments.add(line);
      } else if (line.startsWith(">> ")) {
        requests.add(line.substring(3));
      } else if (line.startsWith("<< ")) {
        responses.add(ExecutionApisChain.JSON.readTree(line.substring(3)));
      }
    }
    return new Fixture(file, comments, requests, responses);
  }

  static List<Fixture> all(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Fixture> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".io")).sorted().toList()) {
        out.add(read(file));
      }
    }
    return out;
  }
}
