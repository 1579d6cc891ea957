package io.aquilia.sockets.cdi;

import io.aquilia.sockets.runtime.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/** Applies the manifest to the discovered controllers. */
final class Selection {

  private static final Logger LOG = Logger.getLogger(Selection.class.getName());

  private Selection() {}

  static List<Class<?>> select(
      Collection<Class<?>> discovered, Manifest manifest, List<String> problems) {
    List<Class<?>> selected = new ArrayList<>();
    if (manifest.autoDiscovery()) {
      selected.addAll(discovered);
    }
    for (String name : manifest.listed()) {
      Class<?> found =
          discovered.stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
      if (found == null) {
        problems.add(Messages.manifestNotASocket(name));
      } else if (!selected.contains(found)) {
        selected.add(found);
      }
    }
    if (!manifest.autoDiscovery()) {
      discovered.stream()
          .filter(c -> !selected.contains(c))
          .forEach(c -> LOG.info(Messages.notListed(c.getName())));
    }
    return selected;
  }
}
