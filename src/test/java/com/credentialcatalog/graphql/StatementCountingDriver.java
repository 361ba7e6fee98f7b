package com.credentialcatalog.graphql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The PostgreSQL JDBC driver with a counter of every statement the application executes, whoever
 * sends it: Hibernate, or repositories that run SQL on the raw connection ({@code
 * ProgramSearchRepository} uses {@code Session.doReturningWork}, which Hibernate's statistics do
 * not see). Every {@code execute*} call on any statement of any connection counts once; a {@code
 * COMMIT} is counted apart. Used only by {@link GraphqlStatementCountTest}, through {@code
 * quarkus.datasource.jdbc.driver}.
 */
public class StatementCountingDriver implements Driver {

  static final AtomicLong STATEMENTS = new AtomicLong();
  static final AtomicLong COMMITS = new AtomicLong();

  private final Driver delegate = new org.postgresql.Driver();

  /** Zeroes the counters. */
  static void reset() {
    STATEMENTS.set(0);
    COMMITS.set(0);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Connection connection = delegate.connect(url, info);
    return connection == null ? null : (Connection) proxy(Connection.class, connection);
  }

  private static Object proxy(Class<?> type, Object target) {
    InvocationHandler handler =
        (p, method, args) -> {
          String name = method.getName();
          if (type != Connection.class && name.startsWith("execute")) {
            STATEMENTS.incrementAndGet();
          } else if (type == Connection.class && name.equals("commit")) {
            COMMITS.incrementAndGet();
          }
          Object result = invoke(method, target, args);
          if (type == Connection.class) {
            if (result instanceof CallableStatement) {
              return proxy(CallableStatement.class, result);
            } else if (result instanceof PreparedStatement) {
              return proxy(PreparedStatement.class, result);
            } else if (result instanceof Statement) {
              return proxy(Statement.class, result);
            }
          }
          return result;
        };
    return Proxy.newProxyInstance(
        StatementCountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return delegate.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return delegate.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return delegate.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return delegate.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return delegate.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }
}
