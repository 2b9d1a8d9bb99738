package paperbot.schedule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Quartz's JDBC delegate for SQLite: reads blob columns as bytes, because sqlite-jdbc does not
 * implement {@code ResultSet.getBlob} that the standard delegate uses (Quartz's PostgreSQLDelegate
 * does the same for PostgreSQL). Everything else is standard SQL.
 */
public final class SqliteDelegate extends StdJDBCDelegate {
  @Override
  protected Object getObjectFromBlob(ResultSet rs, String colName)
      throws ClassNotFoundException, IOException, SQLException {
    byte[] bytes = rs.getBytes(colName);
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  @Override
  protected Object getJobDataFromBlob(ResultSet rs, String colName)
      throws ClassNotFoundException, IOException, SQLException {
    if (canUseProperties()) {
      // With useProperties the job data is a properties text; Quartz reads it from the stream.
      byte[] bytes = rs.getBytes(colName);
      return bytes == null || bytes.length == 0 ? null : new ByteArrayInputStream(bytes);
    }
    return getObjectFromBlob(rs, colName);
  }
}
