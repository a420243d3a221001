using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;
using Vivapolis.Api.Content;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddVivapolisOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Vivapolis CMS API",
                Version = "v1",
                Description = "Headless CMS of the Vivapolis network: delivery (anonymous, published content), " +
                              "management (bearer token), and partners' reads with an API key (X-Api-Key). Errors are application/problem+json " +
                              "(RFC 9457), in French unless Accept-Language asks for English.",
            });
            foreach (var xml in new[] { "Vivapolis.Api.xml", "Vivapolis.Contracts.xml" })
                o.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, xml));
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition(FastEndpointsOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Token from POST /api/v1/auth/token.",
            });
            o.AddSecurityDefinition(FastEndpointsOperationFilter.ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Features.ApiKeys.ApiKeyAuthentication.Header,
                Description = "A partner's API key, created by an administrator (POST /api/v1/manage/api-keys). Each " +
                              "operation lists the scope the key needs: sync:read or preview:read.",
            });
            o.SchemaFilter<NullableReferences>();
            o.OperationFilter<FastEndpointsOperationFilter>();
            o.DocumentFilter<ContentTypeList>();
            o.DocumentFilter<StableOrder>();
        });
        return services;
    }

    /// <summary>Readable, stable schema names: Page&lt;ArticleDelivery&gt; → ArticleDeliveryPage, Managed&lt;ArticleContent&gt; → ManagedArticle.</summary>
    public static string SchemaId(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var argument = SchemaId(type.GetGenericArguments()[0]);
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Managed<>)) return "Managed" + argument.Replace("Content", "");
        if (definition == typeof(Page<>)) return argument + "Page";
        return type.Name[..type.Name.IndexOf('`')] + argument;
    }

    /// <summary>The document as YAML, exactly as committed in openapi.yaml.</summary>
    public static string ToYaml(ISwaggerProvider provider)
    {
        var document = provider.GetSwagger(DocumentName);
        using var text = new StringWriter { NewLine = "\n" };
        document.SerializeAsV31(new OpenApiYamlWriter(text));
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>What each tag groups, for the people reading the contract; content types describe themselves (<see cref="ContentTypes"/>).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["auth"] = "Sign-in, token refresh, sign-out and passwords: 15-minute bearer tokens for the management API, renewed with single-use refresh tokens.",
        ["users"] = "Accounts and their roles (admin, editor, author, sales); administrators only.",
        ["colleagues"] = "The newsroom's names by e-mail, for every signed-in role: who created, edited or reviewed an item.",
        ["api-keys"] = "API keys of partners (the aggregator, partner sites): created, listed and revoked by administrators.",
        ["audit"] = "Who did what and when, read from the append-only event log.",
        ["media"] = "The media library: images uploaded, cleaned of their metadata and made into widths for srcset (management), and their files, served anonymously and immutable under /media.",
        ["preview"] = "Partners' reads of drafts in their delivery shape, with an API key that has the preview:read scope.",
        ["search"] = "French full-text search across the published items of every searchable content type (listed in the description of this contract).",
        ["sync"] = "The aggregator's change feed: an initial sync of everything published, then every change since, in commit order, with an API key that has the sync:read scope.",
        ["webhooks"] = "Signed notifications of every change to the published set, POSTed to receivers that administrators set up (Standard Webhooks), with their delivery log; see the contentChanged webhook for what a receiver gets.",
        ["themes"] = "Reference list: the themes content is filed under.",
        ["content-types"] = "Reference list: the content types the API serves, from its registry.",
        ["feeds"] = "Feeds for calendars and feed readers: the agenda in iCalendar (RFC 5545, to subscribe to), articles and fiches in Atom (RFC 4287), with the filters of the delivery lists.",
        ["embed"] = "The agenda on partner sites: the <vivapolis-agenda> web component's script, and a server-rendered page for an iframe where scripts are not allowed.",
        ["regions"] = "Reference list: the French regions by INSEE code, and abroad.",
    };

    /// <summary>
    /// The content types, read from the registry, in the document's description: the one list that the descriptions
    /// of <c>type</c> fields and parameters point to, so that a new type appears there without anyone writing it.
    /// </summary>
    private sealed class ContentTypeList(ContentTypes types) : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            static string Names(IEnumerable<ContentTypeInfo> list) => string.Join(", ", list.Select(t => $"`{t.Name}`"));
            var lines = types.All.Select(t => $"- `{t.Name}`: `/api/v1/{t.RouteSegment}`, `/api/v1/manage/{t.RouteSegment}`");
            // Swashbuckle hands every generation the same OpenApiInfo: build a new one rather than append to it twice.
            var info = document.Info;
            document.Info = new OpenApiInfo
            {
                Title = info.Title, Version = info.Version, Contact = info.Contact, License = info.License,
                Description = info.Description +
                "\n\nContent types, by the name that items, sync entries, search hits and the audit log give them:\n\n" +
                string.Join("\n", lines) +
                $"\n\nPublic search covers {Names(types.Searchable)}. Editors manage (and authors draft) " +
                $"{Names(types.All.Where(t => t.Desk == ContentDesk.Editorial))}; the sales team " +
                $"{Names(types.All.Where(t => t.Desk == ContentDesk.Advertising))}.",
            };
        }
    }

    /// <summary>Sorted paths and schemas, so the committed file only changes when the surface does.</summary>
    private sealed class StableOrder(ContentTypes types) : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var paths = document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            document.Paths.Clear();
            foreach (var (key, value) in paths) document.Paths.Add(key, value);
            document.Tags = new HashSet<OpenApiTag>(paths
                .SelectMany(p => p.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>())
                .Select(t => t.Name!).Distinct().Order(StringComparer.Ordinal)
                .Select(name => new OpenApiTag { Name = name, Description = types.AtSegment(name)?.Description ?? TagDescriptions.GetValueOrDefault(name) }));
            if (document.Components?.Schemas is { } schemas)
            {
                var sorted = schemas.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
                schemas.Clear();
                foreach (var (key, value) in sorted) schemas.Add(key, value);
            }
        }
    }
}
