package io.aquilia.sockets.tck.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A constraint that always holds and counts how often it is checked ({@link CountedValidator}). */
@Constraint(validatedBy = CountedValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Counted {

  /** The message (never shown: the constraint always holds). */
  String message() default "counted";

  /** The groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
