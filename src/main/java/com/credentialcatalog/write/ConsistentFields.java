package com.credentialcatalog.write;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Class-level constraint: the request's {@link CrossFieldRules} all hold. */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConsistentFieldsValidator.class)
public @interface ConsistentFields {
  String message() default "fields are inconsistent";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
