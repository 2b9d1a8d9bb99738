package paperbot.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops the ERROR JDA writes when Discord closes the gateway for good ("cannot be recovered due to
 * identification issues", and the close code on a second line): {@link GatewayRefusal} tells the
 * same, with what to change, and paperbot says it in one line. Every other JDA line passes, its
 * other errors included.
 */
final class JdaRefusalLogFilter extends TurboFilter {
  /** The logger of JDA's gateway connection. */
  static final String GATEWAY_LOGGER = "net.dv8tion.jda.internal.requests.WebSocketClient";

  /** How JDA's line on a close that forbids reconnecting begins (JDA 6). */
  static final String REFUSAL =
      "WebSocket connection was closed and cannot be recovered due to identification issues";

  private JdaRefusalLogFilter() {}

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    boolean refusal =
        level == Level.ERROR
            && format != null
            && format.startsWith(REFUSAL)
            && logger.getName().equals(GATEWAY_LOGGER);
    return refusal ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /**
   * Installs the filter, once per process, where logback writes the logs (as in paperbot's jar);
   * elsewhere JDA's line stays.
   */
  static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    synchronized (JdaRefusalLogFilter.class) {
      if (context.getTurboFilterList().stream().noneMatch(JdaRefusalLogFilter.class::isInstance)) {
        JdaRefusalLogFilter filter = new JdaRefusalLogFilter();
        filter.setName("paperbot-jda-refusal");
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }
}
