package com.credentialcatalog.write;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Reports each broken {@link CrossFieldRules} rule as a violation of the field it names. */
public class ConsistentFieldsValidator
    implements ConstraintValidator<ConsistentFields, CrossFieldRules> {

  @Override
  public boolean isValid(CrossFieldRules value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    List<CrossFieldRules.Violation> violations = value.crossFieldViolations();
    if (violations.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (CrossFieldRules.Violation v : violations) {
      // Messages are templates: escape so that field names and numbers are never interpolated.
      String template =
          v.message()
              .replace("\\", "\\\\")
              .replace("{", "\\{")
              .replace("}", "\\}")
              .replace("$", "\\$");
      context
          .buildConstraintViolationWithTemplate(template)
          .addPropertyNode(v.field())
          .addConstraintViolation();
    }
    return false;
  }
}
