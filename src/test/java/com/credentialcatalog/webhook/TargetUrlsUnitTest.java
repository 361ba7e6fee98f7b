package com.credentialcatalog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlsUnitTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "100.64.0.1",
        "198.18.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.0.8",
        "fe80::1",
        "fc00::1",
        "64:ff9b::a00:1",
        "::127.0.0.1",
        "ff02::1"
      })
  void shouldTreatReservedAddressesAsNotPublic(String address) throws Exception {
    assertThat(TargetUrls.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808"})
  void shouldTreatPublicAddressesAsPublic(String address) throws Exception {
    assertThat(TargetUrls.isPublic(InetAddress.getByName(address))).isTrue();
  }
}
