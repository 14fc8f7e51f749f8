package org.distli.trading;

import org.distli.primitives.Address;

/**
 * A deployed contract a dashboard should know about ({@code GET /api/contracts}).
 *
 * @param name a display name ("OrderBook", "ALPHA")
 * @param contract the artifact it runs ("OrderBook", "DemoToken")
 */
public record KnownContract(String name, String contract, Address address) {}
