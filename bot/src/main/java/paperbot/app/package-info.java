/**
 * Start-up: configuration ({@link paperbot.app.BotConfig}), the hand-written composition root
 * ({@link paperbot.app.Wiring}) and the launcher's entry point. The only package that knows every
 * other one.
 */
package paperbot.app;
