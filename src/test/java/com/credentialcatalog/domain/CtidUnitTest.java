package com.credentialcatalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CtidUnitTest {

  @Test
  void shouldStoreTheRegistrysUpperAndLowerCaseFormsAsOne() {
    assertThat(Ctid.canonical(" CE-5E9D2B8C-A1F3-4C7E-9B2D-0A1B2C3D4E5F "))
        .contains("ce-5e9d2b8c-a1f3-4c7e-9b2d-0a1b2c3d4e5f");
    assertThat(Ctid.canonical("ce-5e9d2b8c-a1f3-4c7e-9b2d-0a1b2c3d4e5f"))
        .contains("ce-5e9d2b8c-a1f3-4c7e-9b2d-0a1b2c3d4e5f");
  }

  @Test
  void shouldRefuseTextThatIsNotACtid() {
    assertThat(Ctid.canonical(null)).isEmpty();
    assertThat(Ctid.canonical("5e9d2b8c-a1f3-4c7e-9b2d-0a1b2c3d4e5f")).isEmpty();
    assertThat(Ctid.canonical("ce-5e9d2b8c")).isEmpty();
    assertThat(Ctid.canonical("_:b0")).isEmpty();
  }

  @Test
  void shouldMintCtidsItAccepts() {
    String minted = Ctid.random();
    assertThat(Ctid.canonical(minted)).contains(minted);
    assertThat(Ctid.random()).isNotEqualTo(minted);
  }
}
