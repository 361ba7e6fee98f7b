package com.credentialcatalog.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A value whose JSON the read model has already written (a list item, see migration V4): written
 * out as it is, inside whatever the response serializes around it.
 */
@JsonSerialize(using = PrebuiltJson.Writer.class)
public record PrebuiltJson(String json) {

  /** Jackson's raw value: it still places the commas and checks the surrounding structure. */
  static final class Writer extends StdSerializer<PrebuiltJson> {
    Writer() {
      super(PrebuiltJson.class);
    }

    @Override
    public void serialize(PrebuiltJson value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeRawValue(value.json());
    }
  }
}
