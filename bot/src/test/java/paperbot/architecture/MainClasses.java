package paperbot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import paperbot.app.Wiring;
import paperbot.recommender.store.JdbcDigestStore;

/**
 * The compiled main classes of the product: the recommender's and the bot's class directories (or
 * jars), found from one class of each. Importing just these (not the whole classpath) keeps the
 * rules fast. The bench module is not the product and is not checked.
 */
final class MainClasses {
  private static JavaClasses imported;

  private MainClasses() {}

  static synchronized JavaClasses get() {
    if (imported == null) {
      imported =
          new ClassFileImporter()
              .importPaths(location(JdbcDigestStore.class), location(Wiring.class));
    }
    return imported;
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
