package com.credentialcatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credentialcatalog.domain.Level;
import com.credentialcatalog.repository.ProgramDetailReader.Part;
import com.credentialcatalog.repository.ProgramDetailReader.Stored;
import com.credentialcatalog.view.ProgramDetail;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A program's own facts read one by one from its stored detail: a name, a date or a level that came
 * out differently from the whole-document read would show a GraphQL page that disagrees with {@code
 * GET /programs/{slug}}.
 */
class StoredDetailUnitTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();
  private static final ProgramDetailReader READER = new ProgramDetailReader(null);

  @Property(tries = 300)
  void eachOwnFactEqualsTheWholeDocumentsReading(
      @ForAll String name, @ForAll String description, @ForAll boolean withAcronym)
      throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("slug", "p-1");
    document.put("name", name);
    document.put("acronym", withAcronym ? name : null);
    document.put("provider", Map.of("slug", "cxpa", "name", description));
    document.put("level", "EXECUTIVE");
    document.put("languages", List.of("en", description));
    document.put("description", description);
    document.put("lastVerifiedAt", "2025-06-30");
    document.put("updatedAt", "2026-11-30T10:15:30.123456+00:00");
    document.put("version", 7);
    document.put("exams", List.of());
    String text = JSON.writeValueAsString(document);

    Stored stored = READER.stored(1, text, "{\"prices\":{},\"exams\":{}}");
    ProgramDetail whole = JSON.readValue(text, ProgramDetail.class);

    assertThat(stored.<String>member("name")).isEqualTo(name);
    assertThat(stored.<String>member("description")).isEqualTo(description);
    assertThat(stored.<String>member("acronym")).isEqualTo(withAcronym ? name : null);
    assertThat(stored.<Level>member("level")).isEqualTo(Level.EXECUTIVE);
    assertThat(stored.<LocalDate>member("lastVerifiedAt")).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(stored.<OffsetDateTime>member("updatedAt")).isEqualTo(whole.updatedAt());
    assertThat(stored.<Long>member("version")).isEqualTo(7L);
    assertThat(stored.<String>member("website")).isNull();
    assertThat(stored.detail()).usingRecursiveComparison().isEqualTo(whole);
  }

  @Test
  void aPartIsNoOwnFact() {
    Stored stored = READER.stored(1, "{\"slug\":\"a\",\"version\":1}", "{}");
    assertThatThrownBy(() -> stored.member(Part.PRICES.member))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stored.member("nmae")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDocumentWithAMemberProgramDetailLacksIsRefused() {
    assertThatThrownBy(() -> READER.stored(1, "{\"slug\":\"a\",\"colour\":\"red\"}", "{}"))
        .isInstanceOf(IllegalStateException.class);
  }
}
