package com.credentialcatalog.graphql;

import com.credentialcatalog.graphql.WriteInputs.ExamFormatUpdateInput;
import com.credentialcatalog.graphql.WriteInputs.PriceUpdateInput;
import com.credentialcatalog.graphql.WriteInputs.ProgramUpdateInput;
import com.credentialcatalog.graphql.WriteInputs.ProviderUpdateInput;
import com.credentialcatalog.graphql.WriteInputs.RenewalPolicyUpdateInput;
import com.credentialcatalog.query.InvalidInputException;
import com.credentialcatalog.security.Roles;
import com.credentialcatalog.service.read.RequestProgramLoader;
import com.credentialcatalog.service.write.AliasService;
import com.credentialcatalog.service.write.ExamFormatService;
import com.credentialcatalog.service.write.PriceService;
import com.credentialcatalog.service.write.ProgramWriteService;
import com.credentialcatalog.service.write.ProviderWriteService;
import com.credentialcatalog.service.write.RenewalPolicyService;
import com.credentialcatalog.write.AliasInput;
import com.credentialcatalog.write.ExamFormatInput;
import com.credentialcatalog.write.JsonMergePatch;
import com.credentialcatalog.write.PriceInput;
import com.credentialcatalog.write.ProgramInput;
import com.credentialcatalog.write.ProviderInput;
import com.credentialcatalog.write.RenewalPolicyInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.Context;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The writes of the REST API as mutations, through the same services: the same roles ({@code
 * catalog-admin}, or {@code provider-editor} for the providers its token names), the same
 * validation, and the same optimistic concurrency — {@code expectedVersion} is what {@code
 * If-Match} is to REST: required to change or delete, a stale one is a CONFLICT.
 */
@GraphQLApi
@RegisterForReflection(
    targets = {
      ProviderInput.class,
      ProgramInput.class,
      PriceInput.class,
      ExamFormatInput.class,
      RenewalPolicyInput.class
    })
public class CatalogMutations {

  private static final String CHANGES = "changes";

  private final ProviderWriteService providers;
  private final ProgramWriteService programs;
  private final PriceService prices;
  private final ExamFormatService exams;
  private final RenewalPolicyService renewals;
  private final AliasService aliases;
  private final RequestProgramLoader children;
  private final Validator validator;
  private final JsonMergePatch mergePatch;
  private final Context context;

  public CatalogMutations(
      ProviderWriteService providers,
      ProgramWriteService programs,
      PriceService prices,
      ExamFormatService exams,
      RenewalPolicyService renewals,
      AliasService aliases,
      RequestProgramLoader children,
      Validator validator,
      JsonMergePatch mergePatch,
      Context context) {
    this.providers = providers;
    this.programs = programs;
    this.prices = prices;
    this.exams = exams;
    this.renewals = renewals;
    this.aliases = aliases;
    this.children = children;
    this.validator = validator;
    this.mergePatch = mergePatch;
    this.context = context;
  }

  // ---- Providers ---------------------------------------------------------------------------

  @Mutation("createProvider")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Creates a provider. catalog-admin only. CONFLICT when the slug is taken.")
  public ProviderNode createProvider(@NonNull @Name("input") ProviderInput input) {
    return ProviderNode.of(providers.create(valid(input)));
  }

  @Mutation("updateProvider")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Changes a provider (fields left out stay). catalog-admin, or provider-editor holding it.")
  public ProviderNode updateProvider(
      @NonNull @Name("slug") String slug,
      @Name("expectedVersion")
          @Description("Required: the provider's version you read; a stale one is a CONFLICT")
          Integer expectedVersion,
      @NonNull @Name(CHANGES) ProviderUpdateInput changes) {
    long version = Versions.required(expectedVersion, "provider '" + slug + "'");
    return ProviderNode.of(providers.replace(slug, version, merging(changes)));
  }

  @Mutation("deleteProvider")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Deletes a provider that owns no program and delivers no exam; returns its slug. catalog-admin only.")
  public String deleteProvider(
      @NonNull @Name("slug") String slug,
      @Name("expectedVersion") @Description("Required: the provider's version you read")
          Integer expectedVersion) {
    providers.delete(slug, Versions.required(expectedVersion, "provider '" + slug + "'"));
    return slug;
  }

  // ---- Programs ----------------------------------------------------------------------------

  @Mutation("createProgram")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Creates a program; add its prices, exams, renewal and aliases afterwards. catalog-admin, or"
          + " provider-editor for a provider its token holds; a program without provider is admin-only.")
  public ProgramNode createProgram(@NonNull @Name("input") ProgramInput input) {
    return program(programs.create(valid(input)).slug());
  }

  @Mutation("updateProgram")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Changes a program's own fields (fields left out stay; children stay). catalog-admin, or"
          + " provider-editor holding its provider — and, to move it, the new provider too.")
  public ProgramNode updateProgram(
      @NonNull @Name("slug") String slug,
      @Name("expectedVersion")
          @Description("Required: the program's version you read; a stale one is a CONFLICT")
          Integer expectedVersion,
      @NonNull @Name(CHANGES) ProgramUpdateInput changes) {
    long version = Versions.required(expectedVersion, "program '" + slug + "'");
    programs.replace(slug, version, merging(changes));
    return program(slug);
  }

  @Mutation("deleteProgram")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Deletes a program with its prices, exams, renewal, eligibility, aliases and outcomes; returns its"
          + " slug. CONFLICT when another program names it as supersededBy.")
  public String deleteProgram(
      @NonNull @Name("slug") String slug,
      @Name("expectedVersion") @Description("Required: the program's version you read")
          Integer expectedVersion) {
    programs.delete(slug, Versions.required(expectedVersion, "program '" + slug + "'"));
    return slug;
  }

  // ---- Prices ------------------------------------------------------------------------------

  @Mutation("addPrice")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Adds a price row to a program; the program's version goes up too.")
  public PriceType addPrice(
      @NonNull @Name("program") String program, @NonNull @Name("input") PriceInput input) {
    return PriceType.of(prices.create(program, valid(input)));
  }

  @Mutation("updatePrice")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Changes a price row (fields left out stay).")
  public PriceType updatePrice(
      @NonNull @Name("program") String program,
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion")
          @Description("Required: the price's version you read; a stale one is a CONFLICT")
          Integer expectedVersion,
      @NonNull @Name(CHANGES) PriceUpdateInput changes) {
    long version = Versions.required(expectedVersion, "price " + id);
    return PriceType.of(prices.replace(program, Versions.id(id, "id"), version, merging(changes)));
  }

  @Mutation("deletePrice")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Deletes a price row (for a price that merely ended, set validTo instead); returns the program.")
  public ProgramNode deletePrice(
      @NonNull @Name("program") String program,
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion") @Description("Required: the price's version you read")
          Integer expectedVersion) {
    prices.delete(
        program, Versions.id(id, "id"), Versions.required(expectedVersion, "price " + id));
    return program(program);
  }

  // ---- Exam formats ------------------------------------------------------------------------

  @Mutation("addExamFormat")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Adds an exam format to a program; the program's version goes up too.")
  public ExamFormatType addExamFormat(
      @NonNull @Name("program") String program, @NonNull @Name("input") ExamFormatInput input) {
    return ExamFormatType.of(exams.create(program, valid(input)));
  }

  @Mutation("updateExamFormat")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Changes an exam format (fields left out stay).")
  public ExamFormatType updateExamFormat(
      @NonNull @Name("program") String program,
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion")
          @Description(
              "Required: the exam format's version you read; a stale one is a" + " CONFLICT")
          Integer expectedVersion,
      @NonNull @Name(CHANGES) ExamFormatUpdateInput changes) {
    long version = Versions.required(expectedVersion, "exam format " + id);
    return ExamFormatType.of(
        exams.replace(program, Versions.id(id, "id"), version, merging(changes)));
  }

  @Mutation("deleteExamFormat")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Deletes an exam format; returns the program.")
  public ProgramNode deleteExamFormat(
      @NonNull @Name("program") String program,
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion") @Description("Required: the exam format's version you read")
          Integer expectedVersion) {
    exams.delete(
        program, Versions.id(id, "id"), Versions.required(expectedVersion, "exam format " + id));
    return program(program);
  }

  // ---- Renewal policy ----------------------------------------------------------------------

  @Mutation("setRenewalPolicy")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Creates the program's renewal policy when it has none (then without expectedVersion), replaces"
          + " it otherwise (then expectedVersion is required). The renewal fee is a price of type RENEWAL.")
  public RenewalPolicyType setRenewalPolicy(
      @NonNull @Name("program") String program,
      @Name("expectedVersion")
          @Description("The policy's version you read; leave it out to create the policy")
          Integer expectedVersion,
      @NonNull @Name("input") RenewalPolicyInput input) {
    renewals.put(
        program, expectedVersion == null ? null : expectedVersion.longValue(), valid(input));
    return renewal(program);
  }

  @Mutation("updateRenewalPolicy")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description("Changes the program's renewal policy (fields left out stay).")
  public RenewalPolicyType updateRenewalPolicy(
      @NonNull @Name("program") String program,
      @Name("expectedVersion")
          @Description("Required: the policy's version you read; a stale one is a CONFLICT")
          Integer expectedVersion,
      @NonNull @Name(CHANGES) RenewalPolicyUpdateInput changes) {
    long version = Versions.required(expectedVersion, "the renewal policy of '" + program + "'");
    renewals.patch(program, version, merging(changes));
    return renewal(program);
  }

  @Mutation("deleteRenewalPolicy")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Deletes the program's renewal policy (its RENEWAL prices stay); returns the program.")
  public ProgramNode deleteRenewalPolicy(
      @NonNull @Name("program") String program,
      @Name("expectedVersion") @Description("Required: the policy's version you read")
          Integer expectedVersion) {
    renewals.delete(
        program, Versions.required(expectedVersion, "the renewal policy of '" + program + "'"));
    return program(program);
  }

  // ---- Aliases -----------------------------------------------------------------------------

  @Mutation("addAlias")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Adds a name the program goes by in job ads; CONFLICT when it already has one that normalizes"
          + " alike. Aliases belong to the program: its version goes up. Returns the program.")
  public ProgramNode addAlias(
      @NonNull @Name("program") String program,
      @NonNull @Name("alias") String alias,
      @Name("expectedVersion")
          @Description(
              "Optional: the program's version you read; with it, the alias is added"
                  + " only if the program has not changed")
          Integer expectedVersion) {
    aliases.add(
        program,
        expectedVersion == null ? null : expectedVersion.longValue(),
        valid(new AliasInput(alias)));
    return program(program);
  }

  @Mutation("removeAlias")
  @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROVIDER_EDITOR})
  @Description(
      "Removes the alias that normalizes like the given one (\"ccxp\" removes \"CCXP®\"). Returns the"
          + " program.")
  public ProgramNode removeAlias(
      @NonNull @Name("program") String program,
      @NonNull @Name("alias") String alias,
      @Name("expectedVersion") @Description("Required: the program's version you read")
          Integer expectedVersion) {
    aliases.remove(
        program,
        alias,
        Versions.required(expectedVersion, "the aliases of program '" + program + "'"));
    return program(program);
  }

  // ------------------------------------------------------------------------------------------

  private ProgramNode program(String slug) {
    return ProgramNode.of(children.core(slug));
  }

  private RenewalPolicyType renewal(String program) {
    RequestProgramLoader.ProgramCore core = children.core(program);
    RequestProgramLoader.Renewal renewal = children.renewals(List.of(core.id())).get(core.id());
    return renewal == null ? null : RenewalPolicyType.of(renewal);
  }

  /**
   * The input, once Bean Validation (the same constraints as the REST bodies) finds nothing wrong.
   */
  private <T> T valid(T input) {
    return InvalidInputException.check(input, validator);
  }

  /**
   * What an update mutation makes of the current input: the sent fields of {@code changes} merged
   * in (RFC 7396, as REST PATCH), once the result is valid. Only sent fields enter the patch: a
   * field left out keeps its value, one sent as null clears it.
   */
  private <T> UnaryOperator<T> merging(Record changes) {
    Set<String> sent = sent();
    return current -> patched(current, changes, sent);
  }

  @SuppressWarnings("unchecked")
  private <T> T patched(T current, Record changes, Set<String> sent) {
    JsonNode values = mergePatch.tree(changes);
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (String field : sent) {
      JsonNode value = values.get(field);
      patch.set(field, value == null ? NullNode.getInstance() : value);
    }
    try {
      return valid(mergePatch.apply(current, patch, (Class<T>) current.getClass()));
    } catch (JsonProcessingException e) {
      // The schema typed every value and each update input names only fields of its core record.
      throw new IllegalStateException(
          "A GraphQL update input does not fit " + current.getClass().getSimpleName(), e);
    }
  }

  /** The fields of the {@code changes} argument the client sent, null ones included. */
  private Set<String> sent() {
    DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
    Object changes = env == null ? null : env.getArgument(CHANGES);
    if (changes instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }
    throw new IllegalStateException("The changes argument is not available");
  }
}
