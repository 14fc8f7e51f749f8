package org.distli.rpc;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which browser origins and Host headers the server accepts. */
final class OriginPolicy {
  private final boolean anyOrigin;
  private final Set<String> origins;
  private final boolean anyHost;
  private final Set<String> hosts;

  OriginPolicy(List<String> corsOrigins, List<String> allowedHosts) {
    this.anyOrigin = corsOrigins.contains("*");
    this.origins = lowerCase(corsOrigins);
    this.anyHost = allowedHosts.contains("*");
    this.hosts = lowerCase(allowedHosts);
  }

  boolean anyOrigin() {
    return anyOrigin;
  }

  /**
   * A listed origin, any origin with "*", or the server's own origin (a page served from this host
   * and port is not cross-origin).
   */
  boolean originAllowed(String origin, String hostHeader) {
    if (anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT))) {
      return true;
    }
    int scheme = origin.indexOf("://");
    return hostHeader != null
        && scheme > 0
        && origin.substring(scheme + 3).equalsIgnoreCase(hostHeader);
  }

  /**
   * go-ethereum's virtual-host rule: requests addressed to an IP literal are always served (DNS
   * rebinding needs a name); names must be listed.
   */
  boolean hostAllowed(String hostHeader) {
    if (anyHost || hostHeader == null || hostHeader.isEmpty()) {
      return true;
    }
    String host = stripPort(hostHeader).toLowerCase(Locale.ROOT);
    return hosts.contains(host) || isIpLiteral(host);
  }

  private static String stripPort(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end > 0 ? hostHeader.substring(1, end) : hostHeader;
    }
    int colon = hostHeader.indexOf(':');
    if (colon >= 0 && colon == hostHeader.lastIndexOf(':')) {
      return hostHeader.substring(0, colon);
    }
    return hostHeader;
  }

  private static boolean isIpLiteral(String host) {
    if (host.isEmpty()) {
      return false;
    }
    boolean ipv4 = host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    boolean ipv6 =
        host.indexOf(':') >= 0
            && host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      // Only literal characters reach this point, so no name lookup happens.
      InetAddress.getByName(host);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static Set<String> lowerCase(List<String> values) {
    return values.stream()
        .map(v -> v.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
