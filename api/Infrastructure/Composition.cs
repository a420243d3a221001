using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features;
using Vivapolis.Api.Features.ApiKeys;
using Vivapolis.Api.Features.Sync;
using Vivapolis.Api.Features.Webhooks;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Features.Media;
using Vivapolis.Api.Infrastructure.OpenApi;

namespace Vivapolis.Api.Infrastructure;

/// <summary>The composition root's two halves: what the app is made of, and the order requests go through it.</summary>
public static class Composition
{
    public static WebApplicationBuilder AddVivapolis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        builder.AddVivapolisTelemetry();
        services.AddVivapolisDatabase(config)
            .AddVivapolisProblems()
            .AddVivapolisHttp(config)
            .AddVivapolisRateLimits(config)
            .AddVivapolisHealth()
            .AddVivapolisAuth(config)
            .AddApiKeys()
            .AddVivapolisOpenApi()
            .AddContentInfrastructure()
            .AddVivapolisContentTypes()
            .AddSync()
            .AddWebhooks()
            .AddMedia(config)
            .AddScoped<Vivapolis.Api.Demo.DemoData>()
            .AddFastEndpoints();
        return builder;
    }

    public static WebApplication UseVivapolis(this WebApplication app)
    {
        app.UseVivapolisHttp();
        app.UseAuthentication();
        app.UseVivapolisRateLimits();
        app.UseVivapolisOutputCaching();
        app.UseAuthorization();
        app.UseJsonBodyRequirement();
        app.UseFastEndpoints(c =>
        {
            Json.Configure(c.Serializer.Options);
            c.Serializer.RequestDeserializer = RequestJson.ReadAsync;
            c.Binding.JsonExceptionTransformer = RequestJson.Failure;
            // Query, route and header values: the same refusal of control characters as in bodies.
            c.Binding.ValueParserFor<string>(input => RequestJson.HasControlCharacters(input.ToString())
                ? new ParseResult(false, null)
                : new ParseResult(true, input.ToString()));
            c.Errors.ContentType = Problems.ContentType;
            c.Errors.ProducesMetadataType = typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails);
            c.Errors.ResponseBuilder = (failures, http, status) => Problems.ValidationProblem(failures, http, status);
            c.Binding.FailureMessage = (type, property, value) => Problems.BindingMark + BindingFailure(type, value.ToString());
            foreach (var type in typeof(Vivapolis.Contracts.Common.Locale).Assembly.GetTypes().Where(t => t.IsEnum))
            {
                c.Binding.ValueParserFor(type, input => ContractEnum(input, type));
                c.Binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), input => ContractEnum(input, type));
            }
        });
        app.MapVivapolisHealth();
        app.UseSwagger(o => o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Vivapolis CMS API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }

    /// <summary>
    /// The contract's enums in the query and the route by their contract names, as in JSON ("in_review",
    /// "agence_publique"), in any case; FastEndpoints alone would only know the C# names (InReview).
    /// </summary>
    private static ParseResult ContractEnum(Microsoft.Extensions.Primitives.StringValues input, Type type)
    {
        var text = input.ToString().Trim();
        var value = Enum.GetValues(type).Cast<object>().FirstOrDefault(v => string.Equals(
            System.Text.Json.JsonSerializer.Serialize(v, type, Json.Options).Trim('"'), text, StringComparison.OrdinalIgnoreCase));
        return new ParseResult(value is not null, value);
    }

    private static string BindingFailure(Type type, string value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return RequestJson.ControlCharactersMessage; // the only string a parser refuses
        if (value.Length > 60) value = value[..60] + "…";
        if (target.IsEnum)
        {
            var allowed = string.Join(", ", Enum.GetValues(target).Cast<object>()
                .Select(v => System.Text.Json.JsonSerializer.Serialize(v, target, Json.Options).Trim('"')));
            return Text.Of($"Valeur « {value} » inconnue. Valeurs permises : {allowed}.", $"Unknown value '{value}'. Allowed values: {allowed}.");
        }
        var kind = target == typeof(int) || target == typeof(long) ? Text.Of("un nombre entier", "a whole number")
            : target == typeof(Guid) ? Text.Of("un identifiant UUID", "a UUID")
            : target == typeof(DateTimeOffset) || target == typeof(DateTime) ? Text.Of("une date ISO 8601", "an ISO 8601 date")
            : Text.Of("une valeur valide", "a valid value");
        return Text.Of($"« {value} » n'est pas {kind}.", $"'{value}' is not {kind}.");
    }
}
