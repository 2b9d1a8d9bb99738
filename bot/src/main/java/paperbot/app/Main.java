package paperbot.app;

/** Entry point of the {@code paperbot} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("paperbot on Java " + Runtime.version().feature());
  }
}
