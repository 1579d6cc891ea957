package io.aquilia.sockets.runtime;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;

/**
 * The validator for payloads: every property is reachable and cascadable. A payload has just been
 * bound from JSON, so it is never a lazily loaded entity, while the default resolver of a server
 * with Jakarta Persistence asks the persistence providers about every property of every payload (6
 * % of the framework's samples in the echo benchmark's profile).
 */
public final class PayloadValidators {

  private PayloadValidators() {}

  /** A validator of {@code factory} that treats every property as reachable and cascadable. */
  public static Validator from(ValidatorFactory factory) {
    return factory.usingContext().traversableResolver(AllReachable.INSTANCE).getValidator();
  }

  /** Says yes to everything. */
  enum AllReachable implements TraversableResolver {
    INSTANCE;

    @Override
    public boolean isReachable(
        Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
      return true;
    }
  }
}
