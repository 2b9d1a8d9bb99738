package paperbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log line written while it is open, with paperbot's own loggers at DEBUG (stricter
 * than the shipped INFO), so a test can check what an operator would see: for instance, that no
 * token or secret ever appears.
 */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger paperbot = (Logger) LoggerFactory.getLogger("paperbot");
  private final Level paperbotLevel;

  private LogCapture() {
    paperbotLevel = paperbot.getLevel();
    paperbot.setLevel(Level.DEBUG);
    appender.start();
    root.addAppender(appender);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /**
   * Every captured line as an operator would read it: message, arguments filled in, and any stack
   * trace.
   */
  public synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      String line = event.getLoggerName() + " " + event.getFormattedMessage();
      if (event.getThrowableProxy() != null) {
        line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
      }
      lines.add(line);
    }
    return lines;
  }

  /** The lines logged at WARN or above: what an operator is asked to look at. */
  public synchronized List<String> warnings() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        lines.add(
            event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
      }
    }
    return lines;
  }

  /** The lines logged at ERROR, or with a stack trace, at any level. */
  public synchronized List<String> errorsAndStacks() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      if (event.getLevel() == Level.ERROR || event.getThrowableProxy() != null) {
        lines.add(
            event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
      }
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    paperbot.setLevel(paperbotLevel);
  }
}
