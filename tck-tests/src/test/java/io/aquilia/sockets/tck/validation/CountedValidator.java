package io.aquilia.sockets.tck.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the checks of {@link Counted}. */
public class CountedValidator implements ConstraintValidator<Counted, Object> {

  /** Checks so far, in this deployment. */
  public static final AtomicInteger CHECKS = new AtomicInteger();

  @Override
  public boolean isValid(Object value, ConstraintValidatorContext context) {
    CHECKS.incrementAndGet();
    return true;
  }
}
