package com.credentialcatalog.webhook;

import com.credentialcatalog.query.InvalidInputException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule a webhook target URL follows (SSRF): HTTPS, and every address its host resolves to is a
 * public unicast address. Checked when a subscription is created or changed and again before each
 * batch of deliveries, because DNS may answer differently later (rebinding).
 */
public final class TargetUrls {

  static final String FIELD = "targetUrl";
  private static final int MAX_LENGTH = 2048;

  private TargetUrls() {}

  /**
   * The parsed URL when it follows the rule.
   *
   * @param allowPrivate {@link WebhookConfig#allowPrivateTargets()}
   * @throws InvalidInputException naming {@code targetUrl} otherwise
   */
  public static URI require(String url, boolean allowPrivate) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException(FIELD, "targetUrl is required");
    }
    if (url.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          FIELD, "targetUrl must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(FIELD, "targetUrl is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      throw new InvalidInputException(FIELD, "targetUrl must be an https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidInputException(FIELD, "targetUrl must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidInputException(FIELD, "targetUrl must not carry credentials");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidInputException(FIELD, "targetUrl must not have a fragment");
    }
    refusal(uri, allowPrivate)
        .ifPresent(
            reason -> {
              throw new InvalidInputException(FIELD, "targetUrl " + reason);
            });
    return uri;
  }

  /**
   * Why deliveries to {@code uri} must not be sent now, if they must not: its host does not
   * resolve, or one of its addresses is not public (unless {@code allowPrivate}).
   */
  public static Optional<String> refusal(URI uri, boolean allowPrivate) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("host '" + uri.getHost() + "' does not resolve");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        return Optional.of(
            "host '"
                + uri.getHost()
                + "' resolves to "
                + a.getHostAddress()
                + ", a loopback, link-local, private, multicast or reserved address");
      }
    }
    return Optional.empty();
  }

  /**
   * Why a delivery to {@code url} must not be sent now, if it must not: the rule of {@link
   * #require}, with the host resolved again.
   */
  static Optional<String> deliveryRefusal(String url, boolean allowPrivate) {
    try {
      require(url, allowPrivate);
      return Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Whether {@code a} is a public unicast address a partner's receiver may have. */
  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // CGNAT 100.64/10
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF 192.0.0/24
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
          && first < 240; // reserved 240/4 and broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
        return false;
      }
      if (embedsIpv4(b)) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** IPv4-compatible ::/96 and NAT64 64:ff9b::/96, which reach the IPv4 address they end with. */
  private static boolean embedsIpv4(byte[] b) {
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    return compatible || nat64;
  }
}
