package org.distli.trading.rest;

import java.util.Map;
import java.util.function.Function;

/**
 * A GET endpoint: its path and a handler from the query parameters (first value of each) to the
 * response. Handlers make blocking calls to the state, so the HTTP server runs them off its event
 * loop.
 */
public record RestRoute(String path, Function<Map<String, String>, RestResponse> handler) {}
