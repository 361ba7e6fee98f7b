package com.credentialcatalog.query;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Input the catalog refuses, whichever surface sent it: the one failure REST answers with a 400
 * problem and GraphQL with BAD_USER_INPUT, both naming the field and saying the same words.
 *
 * <p>Fields are named by their core names (the components of {@link ProgramFilter}, {@code sort},
 * {@code horizonYears}, {@code limit}, {@code cursor}…); an adapter renames them in its own
 * vocabulary with {@link Vocabulary#bind}. Messages written with {@link #of} may refer to fields as
 * {@code {name}} ({@code {}} is the failing field) so that they read in that vocabulary too; values
 * from the client go in as {@code %s} arguments and are never read as names.
 */
public class InvalidInputException extends RuntimeException {

  /** What is wrong with the input; adapters choose their answer's type by it. */
  public enum Kind {
    /** Not of the expected form: not a number, not an ISO code, an altered cursor. */
    MALFORMED,
    /** A number, length or count outside its bounds. */
    OUT_OF_RANGE,
    /** Not one of the accepted values: an unknown sort, facet or enum constant. */
    UNKNOWN_VALUE,
    /** Values that cannot hold together: priceMin above priceMax, relevance without q. */
    INCONSISTENT,
    /**
     * Data sent to be stored breaks a rule of the catalog: Bean Validation constraints, an unknown
     * provider slug, a renamed slug, a database check. Rendered as "Invalid input: field message".
     */
    DATA_RULE
  }

  /** One field and what is wrong with it, in the vocabulary the exception was named in. */
  public record FieldError(String field, String message) {}

  private static final Pattern NAME = Pattern.compile("\\{(\\w*)}");

  private final String field;
  private final Kind kind;
  private final String template;

  /** Null for a literal message, which names no fields. */
  private final Object[] args;

  private final List<FieldError> violations;
  private final Vocabulary vocabulary;

  /** A {@link Kind#DATA_RULE} failure; the message is taken literally. */
  public InvalidInputException(String field, String message) {
    this(field, Kind.DATA_RULE, message, null, null, Vocabulary.CORE);
  }

  private InvalidInputException(
      String field,
      Kind kind,
      String template,
      Object[] args,
      List<FieldError> violations,
      Vocabulary vocabulary) {
    super(template);
    this.field = field;
    this.kind = kind;
    this.template = template;
    this.args = args;
    this.violations = violations;
    this.vocabulary = vocabulary;
  }

  /**
   * A failure whose message may name fields as {@code {name}} and takes client values as {@code %s}
   * arguments.
   */
  public static InvalidInputException of(String field, Kind kind, String template, Object... args) {
    return new InvalidInputException(
        field, kind, template, args == null ? new Object[0] : args, null, Vocabulary.CORE);
  }

  /** The value, when it breaks none of its Bean Validation constraints. */
  public static <T> T check(T value, Validator validator) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw of(violations);
    }
    return value;
  }

  /** Bean Validation violations as one failure, the fields sorted so that answers are stable. */
  public static InvalidInputException of(Set<? extends ConstraintViolation<?>> violations) {
    List<FieldError> errors =
        violations.stream()
            .map(v -> new FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    return new InvalidInputException(
        errors.get(0).field(), Kind.DATA_RULE, "", null, errors, Vocabulary.CORE);
  }

  /**
   * This failure with its fields named in the given vocabulary; a failure already named keeps its
   * names (the innermost adapter knows best).
   */
  public InvalidInputException in(Vocabulary names) {
    if (vocabulary != Vocabulary.CORE || names == Vocabulary.CORE) {
      return this;
    }
    InvalidInputException renamed =
        new InvalidInputException(field, kind, template, args, violations, names);
    renamed.setStackTrace(getStackTrace());
    return renamed;
  }

  /** The field to fix, as the client's surface names it. */
  public String field() {
    return violations != null ? violations.get(0).field() : vocabulary.path(field);
  }

  public Kind kind() {
    return kind;
  }

  /** Every field to fix with its message; one entry unless Bean Validation found several. */
  public List<FieldError> errors() {
    return violations != null ? violations : List.of(new FieldError(field(), getMessage()));
  }

  /**
   * Whether Bean Validation found it: answered with every field, as a list, even when it is one.
   */
  public boolean fromBeanValidation() {
    return violations != null;
  }

  @Override
  public String getMessage() {
    if (violations != null) {
      return violations.stream()
          .map(f -> f.field() + " " + f.message())
          .collect(Collectors.joining("; "));
    }
    if (args == null) {
      return template;
    }
    Matcher m = NAME.matcher(template);
    StringBuilder named = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).isEmpty() ? field : m.group(1);
      m.appendReplacement(named, Matcher.quoteReplacement(vocabulary.word(name)));
    }
    m.appendTail(named);
    String text = named.toString();
    return args.length == 0
        ? text
        : String.format(text.replace("%", "%%").replace("%%s", "%s"), args);
  }

  /**
   * The sentence both surfaces answer with: a {@link Kind#DATA_RULE} failure says "Invalid input:"
   * and each field with its message; others say their message, which names the field itself.
   */
  public String detail() {
    return kind != Kind.DATA_RULE
        ? getMessage()
        : "Invalid input: "
            + errors().stream()
                .map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; "));
  }

  /** A violation's field as the client wrote it: {@code amountMax}, {@code languages[2]}. */
  public static String fieldName(ConstraintViolation<?> v) {
    // Method validation paths start with the method and the parameter ("create.body.amountMin",
    // "list.limit"): the method is noise to a client, the parameter is the field only when nothing
    // follows it (a query parameter). Beans validated directly start at the field ("amountMin").
    // Container elements show as an index: "languages[2]", never "<list element>".
    String parameter = null;
    StringBuilder field = new StringBuilder();
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
        case PARAMETER -> parameter = node.getName();
        default -> {
          if (node.isInIterable()) {
            field
                .append('[')
                .append(
                    node.getIndex() != null
                        ? node.getIndex()
                        : node.getKey() != null ? node.getKey() : "")
                .append(']');
          }
          String name = node.getName();
          if (name != null && !name.startsWith("<")) {
            field.append(field.isEmpty() ? "" : ".").append(name);
          }
        }
      }
    }
    if (!field.isEmpty()) {
      return field.toString();
    }
    return parameter != null ? parameter : v.getPropertyPath().toString();
  }
}
