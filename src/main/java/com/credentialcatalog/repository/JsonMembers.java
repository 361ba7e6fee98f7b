package com.credentialcatalog.repository;

/**
 * Finds where the top-level members of a JSON object lie in its text without tokenizing their
 * values: a stored detail is mostly child lists (prices, exams, routes, sources) that a GraphQL
 * page rarely reads, and Jackson's token-by-token skipping of them was four fifths of a page's
 * server time. A value is skipped by counting brackets outside strings, a few nanoseconds a
 * character.
 *
 * <p>For text the read model's SQL wrote (well-formed JSON); a malformed text gets an {@link
 * IllegalArgumentException}, never a wrong span.
 */
final class JsonMembers {

  private JsonMembers() {}

  /** Receives each top-level member: its name and the span of its value in the text. */
  interface Visitor {
    void member(String name, int valueStart, int valueEnd);
  }

  /** Calls {@code visitor} for each member of the object {@code text} holds, in order. */
  static void each(String text, Visitor visitor) {
    int i = skipSpace(text, 0);
    expect(text, i, '{');
    i = skipSpace(text, i + 1);
    if (at(text, i) == '}') {
      return;
    }
    while (true) {
      expect(text, i, '"');
      int nameEnd = stringEnd(text, i);
      String name = text.substring(i + 1, nameEnd - 1);
      if (name.indexOf('\\') >= 0) {
        // Member names of the catalog's documents are plain words; an escape is not ours.
        throw new IllegalArgumentException("escaped member name at " + i);
      }
      i = skipSpace(text, nameEnd);
      expect(text, i, ':');
      int start = skipSpace(text, i + 1);
      int end = valueEnd(text, start);
      visitor.member(name, start, end);
      i = skipSpace(text, end);
      char c = at(text, i);
      if (c == '}') {
        return;
      }
      expect(text, i, ',');
      i = skipSpace(text, i + 1);
    }
  }

  /** The index just past the JSON value that starts at {@code start}. */
  static int valueEnd(String text, int start) {
    char c = at(text, start);
    if (c == '"') {
      return stringEnd(text, start);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      int i = start;
      int n = text.length();
      while (i < n) {
        char d = text.charAt(i);
        if (d == '"') {
          i = stringEnd(text, i);
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      throw new IllegalArgumentException("unclosed value at " + start);
    }
    // A number, true, false or null: up to the next delimiter.
    int i = start;
    int n = text.length();
    while (i < n) {
      char d = text.charAt(i);
      if (d == ',' || d == '}' || d == ']' || isSpace(d)) {
        break;
      }
      i++;
    }
    if (i == start) {
      throw new IllegalArgumentException("no value at " + start);
    }
    return i;
  }

  /** The index just past the string whose opening quote is at {@code quote}. */
  private static int stringEnd(String text, int quote) {
    // Strings are most of a document (names, addresses, sources): String.indexOf finds the next
    // quote many characters at a time; it ends the string unless an odd run of backslashes
    // escapes it.
    int from = quote + 1;
    while (true) {
      int q = text.indexOf('"', from);
      if (q < 0) {
        throw new IllegalArgumentException("unclosed string at " + quote);
      }
      int backslashes = 0;
      while (text.charAt(q - 1 - backslashes) == '\\') {
        backslashes++;
      }
      if ((backslashes & 1) == 0) {
        return q + 1;
      }
      from = q + 1;
    }
  }

  private static int skipSpace(String text, int i) {
    int n = text.length();
    while (i < n && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** JSON's four whitespace characters, and no others. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static char at(String text, int i) {
    if (i >= text.length()) {
      throw new IllegalArgumentException("text ends at " + i);
    }
    return text.charAt(i);
  }

  private static void expect(String text, int i, char c) {
    if (at(text, i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i);
    }
  }
}
