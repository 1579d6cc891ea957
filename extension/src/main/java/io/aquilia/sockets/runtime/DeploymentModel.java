package io.aquilia.sockets.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a whole application's controllers: each class alone, then across classes (duplicate
 * paths and namespaces). All problems are collected.
 *
 * @param models the valid models (complete only when {@code problems} is empty)
 * @param problems every definition error found
 */
public record DeploymentModel(List<ControllerModel> models, Problems problems) {

  /** Scans and cross-checks the classes. */
  public static DeploymentModel of(Collection<Class<?>> classes) {
    return of(classes, Overrides.NONE);
  }

  /** Scans and cross-checks the classes, with configuration overrides applied. */
  public static DeploymentModel of(Collection<Class<?>> classes, Overrides overrides) {
    Problems problems = new Problems();
    List<ControllerModel> models = new ArrayList<>();
    Map<String, ControllerModel> byShape = new HashMap<>();
    Map<String, ControllerModel> byNamespace = new HashMap<>();
    List<Class<?>> sorted = new ArrayList<>(classes);
    sorted.sort((a, b) -> a.getName().compareTo(b.getName()));
    for (Class<?> c : sorted) {
      Optional<ControllerModel> m = ControllerScanner.scan(c, problems, overrides);
      if (m.isEmpty()) {
        continue;
      }
      ControllerModel model = m.get();
      ControllerModel samePath = byShape.putIfAbsent(model.path().shape(), model);
      if (samePath != null) {
        problems.add(Messages.duplicatePath(model.path().template(), samePath.type(), c));
        continue;
      }
      ControllerModel sameNs = byNamespace.putIfAbsent(model.namespace(), model);
      if (sameNs != null) {
        problems.add(Messages.duplicateNamespace(model.namespace(), sameNs.type(), c));
        continue;
      }
      models.add(model);
    }
    return new DeploymentModel(List.copyOf(models), problems);
  }
}
